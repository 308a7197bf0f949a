package cn.gov.lvliang.renewal.equipment.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import java.math.BigDecimal;
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
import org.junit.jupiter.api.Test;

class LifecycleStatusTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC);

    enum Command {
        PLAN_RENEWAL,
        COMPLETE_RENEWAL,
        SCHEDULE_RETIREMENT,
        RETIRE
    }

    static Equipment fresh() {
        Equipment e = new Equipment();
        e.id = 7L;
        e.category = Category.POWER;
        e.quantity = BigDecimal.ONE;
        e.commissionedOn = LocalDate.of(2005, 6, 1);
        return e;
    }

    static void apply(Equipment e, Command c) {
        switch (c) {
            case PLAN_RENEWAL -> e.planRenewal(100, "new", "better", 2025);
            case COMPLETE_RENEWAL -> e.completeRenewal(90, LocalDate.of(2025, 10, 1));
            case SCHEDULE_RETIREMENT ->
                e.scheduleRetirement("standard", "basis", LocalDate.of(2025, 12, 31), null, null);
            case RETIRE -> e.retire(LocalDate.of(2025, 11, 1), Disposal.SCRAPPED, null, CLOCK);
        }
    }

    @Test
    void theDocumentedPathReachesRetiredWithItsDisposal() {
        Equipment e = fresh();
        apply(e, Command.PLAN_RENEWAL);
        apply(e, Command.SCHEDULE_RETIREMENT);
        apply(e, Command.RETIRE);
        assertThat(e.status()).isEqualTo(LifecycleStatus.RETIRED);
        assertThat(e.disposal()).isEqualTo(Disposal.SCRAPPED);
    }

    @Test
    void retiringEquipmentInServiceIsAConflict() {
        Equipment e = fresh();
        assertThatThrownBy(() -> apply(e, Command.RETIRE))
                .isInstanceOf(ProblemException.class)
                .satisfies(x -> assertThat(((ProblemException) x).status()).isEqualTo(409));
        assertThat(e.status()).isEqualTo(LifecycleStatus.IN_SERVICE);
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        return Arbitraries.of(Command.class).list().ofMaxSize(12);
    }

    @Property
    void noCommandSequenceLeavesRetiredOrRetiresWithoutASchedule(@ForAll("commands") List<Command> commands) {
        Equipment e = fresh();
        LifecycleStatus previous = e.status();
        for (Command c : commands) {
            try {
                apply(e, c);
            } catch (ProblemException refused) {
                assertThat(refused.status()).isEqualTo(409);
                assertThat(e.status()).isEqualTo(previous);
            }
            if (previous == LifecycleStatus.RETIRED) {
                assertThat(e.status()).isEqualTo(LifecycleStatus.RETIRED);
            }
            if (e.status() == LifecycleStatus.RETIRED && previous != LifecycleStatus.RETIRED) {
                assertThat(previous).isEqualTo(LifecycleStatus.RETIREMENT_SCHEDULED);
                assertThat(e.retiredOn()).isNotNull();
                assertThat(e.disposal()).isNotNull();
            }
            previous = e.status();
        }
    }
}
