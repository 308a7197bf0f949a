package cn.gov.lvliang.renewal.subsidy.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.events.PoisonEventException;
import cn.gov.lvliang.renewal.subsidy.messaging.VehicleScrapped;
import cn.gov.lvliang.renewal.testing.statemachine.Sequences;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * This service's copy of a scrap certificate under every order of up to 7 of its events, duplicates
 * and stale corrections included (6^1 + … + 6^7 = 335,922 sequences): once voided it is never valid
 * again; its version never goes down; it always holds the fields of the newest version it has seen;
 * a void for a certificate it does not hold yet is refused (dead-lettered, to be replayed after the
 * certificate), never dropped; a refused or repeated event changes nothing.
 */
class ScrapCertificateRecordStateTest {

    private static final String NUMBER = "LL-2025-000001";
    private static final VehicleScrapped.Owner OWNER =
            new VehicleScrapped.Owner("a".repeat(64), "1411**********0011", "张*");

    enum Command {
        SCRAPPED(1),
        CORRECTED_V2(2),
        CORRECTED_V3(3),
        CORRECTED_V4(4),
        VOIDED(0),
        VOIDED_AGAIN(0);

        final int version;

        Command(int version) {
            this.version = version;
        }

        ScrapCertificateRecord.Facts facts() {
            return new ScrapCertificateRecord.Facts(
                    "91141100MA0K0000XA",
                    "141102",
                    "LVSHCAMB1CE00000" + version,
                    OWNER,
                    LocalDate.of(2015, 1, version + 1),
                    LocalDate.of(2025, 1, version + 1),
                    "FUEL");
        }
    }

    record Observed(
            boolean held,
            ScrapCertificateRecord.Status status,
            int version,
            String vin,
            String voidReason,
            String sourceEventId,
            boolean changed,
            boolean refused) {}

    static final class Model {
        ScrapCertificateRecord held;
        boolean changed;
        boolean refused;

        void apply(Command command) {
            changed = false;
            refused = false;
            String eventId = "event-" + command;
            Instant now = Instant.parse("2025-06-01T00:00:00Z");
            ScrapCertificateRecord.Change change;
            try {
                change = switch (command) {
                    case SCRAPPED -> ScrapCertificateRecord.scrapped(held, NUMBER, command.facts(), eventId, now);
                    case CORRECTED_V2, CORRECTED_V3, CORRECTED_V4 ->
                        ScrapCertificateRecord.corrected(held, NUMBER, command.version, command.facts(), eventId, now);
                    case VOIDED, VOIDED_AGAIN -> ScrapCertificateRecord.voided(held, NUMBER, "伪造材料", now);
                };
            } catch (PoisonEventException e) {
                refused = true;
                return;
            }
            held = change.record();
            changed = change.changed();
        }

        Observed observe() {
            return held == null
                    ? new Observed(false, null, 0, null, null, null, changed, refused)
                    : new Observed(
                            true,
                            held.status,
                            held.certificateVersion,
                            held.vin,
                            held.voidReason,
                            held.sourceEventId,
                            changed,
                            refused);
        }
    }

    @Test
    void noOrderOfEventsMakesAVoidedCertificateValidOrAnOlderVersionWin() {
        long sequences = Sequences.check(
                7, List.of(Command.values()), Model::new, Model::apply, Model::observe, (before, command, after) -> {
                    boolean isVoid = command == Command.VOIDED || command == Command.VOIDED_AGAIN;
                    if (after.refused()) {
                        assertThat(isVoid && !before.held())
                                .as("only a void of an unknown certificate is refused")
                                .isTrue();
                    }
                    if (isVoid && !before.held()) {
                        assertThat(after.refused())
                                .as("a void before its certificate is dead-lettered")
                                .isTrue();
                    }
                    if (!after.changed()) {
                        assertThat(new Observed(
                                        after.held(),
                                        after.status(),
                                        after.version(),
                                        after.vin(),
                                        after.voidReason(),
                                        after.sourceEventId(),
                                        false,
                                        false))
                                .as("nothing changes")
                                .isEqualTo(new Observed(
                                        before.held(),
                                        before.status(),
                                        before.version(),
                                        before.vin(),
                                        before.voidReason(),
                                        before.sourceEventId(),
                                        false,
                                        false));
                    }
                    if (before.status() == ScrapCertificateRecord.Status.VOIDED) {
                        assertThat(after.status())
                                .as("voided stays voided")
                                .isEqualTo(ScrapCertificateRecord.Status.VOIDED);
                    }
                    if (before.held()) {
                        assertThat(after.held()).isTrue();
                        assertThat(after.version())
                                .as("version never goes down")
                                .isGreaterThanOrEqualTo(before.version());
                    }
                    if (after.held()) {
                        assertThat(after.vin())
                                .as("the fields of the version held")
                                .endsWith(String.valueOf(after.version()));
                        assertThat(after.voidReason() != null)
                                .isEqualTo(after.status() == ScrapCertificateRecord.Status.VOIDED);
                    }
                    if (!isVoid && command.version > before.version()) {
                        assertThat(after.changed())
                                .as("a newer version is taken")
                                .isTrue();
                        assertThat(after.version()).isEqualTo(command.version);
                        assertThat(after.sourceEventId()).isEqualTo("event-" + command);
                    }
                    if (!isVoid && command.version <= before.version()) {
                        assertThat(after.changed())
                                .as("an older or equal version is ignored")
                                .isFalse();
                    }
                });
        assertThat(sequences).isEqualTo(Sequences.count(6, 7)).isEqualTo(335_922);
    }
}
