package cn.gov.lvliang.renewal.recycling.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No sequence of corrections, voids and deregistrations reaches a forbidden state. */
class ScrapCertificateStateTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    enum Command {
        CORRECT_CURRENT,
        CORRECT_STALE,
        VOID,
        DEREGISTER_BEFORE_HANDOVER,
        DEREGISTER
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        return Arbitraries.of(Command.class).list().ofMaxSize(12);
    }

    @Property
    void theLifecycleNeverBreaksItsRules(@ForAll("commands") List<Command> commands) {
        ScrapCertificate c = new ScrapCertificate();
        c.certificateNumber = "LL-1";
        c.status = ScrapCertificate.Status.ISSUED;
        c.revision = 1;
        c.handoverDate = LocalDate.of(2024, 8, 1);
        for (Command command : commands) {
            ScrapCertificate.Status statusBefore = c.status;
            int revisionBefore = c.revision;
            LocalDate deregisteredBefore = c.deregisteredOn;
            boolean accepted = true;
            try {
                switch (command) {
                    case CORRECT_CURRENT -> c.beginCorrection(c.revision, CLOCK);
                    case CORRECT_STALE -> c.beginCorrection(c.revision - 1, CLOCK);
                    case VOID -> c.voidFor("reason", "tester", CLOCK);
                    case DEREGISTER_BEFORE_HANDOVER -> c.deregister(LocalDate.of(2024, 7, 1), "tester", CLOCK);
                    case DEREGISTER -> c.deregister(LocalDate.of(2024, 8, 20), "tester", CLOCK);
                }
            } catch (ProblemException refused) {
                accepted = false;
            }
            if (statusBefore == ScrapCertificate.Status.VOIDED) {
                assertThat(accepted).as("a voided certificate never changes").isFalse();
            }
            if (accepted && (command == Command.CORRECT_CURRENT)) {
                assertThat(c.revision).isEqualTo(revisionBefore + 1);
            } else {
                assertThat(c.revision).isEqualTo(revisionBefore);
            }
            if (deregisteredBefore != null) {
                assertThat(c.deregisteredOn).isEqualTo(deregisteredBefore);
            }
            assertThat(
                            command == Command.CORRECT_STALE || command == Command.DEREGISTER_BEFORE_HANDOVER
                                    ? !accepted
                                    : true)
                    .isTrue();
            assertThat(c.status == ScrapCertificate.Status.VOIDED).isEqualTo(c.voidReason != null);
        }
    }
}
