package cn.gov.lvliang.renewal.tasks.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** A progress report is reviewed once: no sequence of reviews reopens or re-decides it. */
class ProgressReportStateTest {

    enum Review {
        ACCEPT,
        GIVE_BACK
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC);

    @Property
    void theFirstReviewDecidesAndEveryLaterOneIsAConflict(@ForAll @Size(min = 1, max = 10) List<Review> reviews) {
        ProgressReport report = new ProgressReport();
        report.status = ProgressReport.Status.SUBMITTED;
        ProgressReport.Status decided =
                reviews.get(0) == Review.ACCEPT ? ProgressReport.Status.ACCEPTED : ProgressReport.Status.RETURNED;
        for (int i = 0; i < reviews.size(); i++) {
            Review review = reviews.get(i);
            Runnable act = () -> {
                if (review == Review.ACCEPT) {
                    report.accept("reviewer-" + review, "ok", CLOCK);
                } else {
                    report.giveBack("reviewer-" + review, "redo", CLOCK);
                }
            };
            if (i == 0) {
                act.run();
            } else {
                assertThatThrownBy(act::run)
                        .isInstanceOf(ProblemException.class)
                        .extracting(e -> ((ProblemException) e).status())
                        .isEqualTo(409);
            }
            assertThat(report.status).isEqualTo(decided);
        }
        assertThat(report.reviewedBy).isEqualTo("reviewer-" + reviews.get(0));
    }
}
