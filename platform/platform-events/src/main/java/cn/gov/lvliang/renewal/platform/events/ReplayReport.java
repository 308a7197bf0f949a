package cn.gov.lvliang.renewal.platform.events;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a replay did, record by record. */
@Schema(name = "DeadLetterReplayReport", description = "重放结果 / what a replay did")
public record ReplayReport(
        String topic, int replayed, int applied, int alreadyApplied, int deadLetteredAgain, List<Replayed> records) {

    static ReplayReport of(String topic, List<Replayed> records) {
        return new ReplayReport(
                topic,
                records.size(),
                count(records, DeadLetters.Outcome.APPLIED),
                count(records, DeadLetters.Outcome.ALREADY_APPLIED),
                count(records, DeadLetters.Outcome.DEAD_LETTERED_AGAIN),
                List.copyOf(records));
    }

    private static int count(List<Replayed> records, DeadLetters.Outcome outcome) {
        return (int) records.stream().filter(r -> r.outcome() == outcome).count();
    }
}
