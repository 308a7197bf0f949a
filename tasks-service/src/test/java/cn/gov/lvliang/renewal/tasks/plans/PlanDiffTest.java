package cn.gov.lvliang.renewal.tasks.plans;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.tasks.plans.PlanDiff.TaskSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanDiffTest {

    static TaskSnapshot t(int n, String title, String text, String... leads) {
        return new TaskSnapshot(n, title, text, List.of(leads));
    }

    @Test
    void anInsertedTaskIsOneAdditionAndRenumberingsNotRewrites() {
        var before = List.of(t(1, "甲", "甲。", "市商务局"), t(2, "乙", "乙。", "市财政局"));
        var after = List.of(t(1, "甲", "甲。", "市商务局"), t(2, "新", "新。", "市工信局"), t(3, "乙", "乙。", "市财政局"));
        PlanDiff diff = PlanDiff.between(before, after);
        assertThat(diff.added()).containsExactly(new PlanDiff.TaskRef(2, "新"));
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("乙");
            assertThat(c.changes()).containsExactly("number");
        });
    }

    @Test
    void removedChangedAndRetitledTasks() {
        var before = List.of(t(1, "甲", "甲。", "市商务局"), t(2, "乙", "乙。", "市财政局"), t(3, "丙", "丙。", "市住建局"));
        var after = List.of(t(1, "甲", "甲。改。", "市商务局", "市财政局"), t(3, "丙二", "丙二。", "市住建局"));
        PlanDiff diff = PlanDiff.between(before, after);
        assertThat(diff.removed()).containsExactly(new PlanDiff.TaskRef(2, "乙"));
        assertThat(diff.added()).isEmpty();
        assertThat(diff.changed()).hasSize(2);
        assertThat(diff.changed().get(0).changes()).containsExactly("text", "leads");
        assertThat(diff.changed().get(1).changes()).containsExactly("title", "text");
    }

    @Test
    void aChangeNamesTheLeadsAddedAndRemovedAndTheOldAndNewText() {
        var before = List.of(t(8, "更新老旧电梯", "旧。", "市市场监管局", "市住建局"));
        var after = List.of(t(8, "更新老旧电梯", "新。", "市住建局", "市城管局"));
        assertThat(PlanDiff.between(before, after).changed()).singleElement().satisfies(c -> {
            assertThat(c.changes()).containsExactly("text", "leads");
            assertThat(c.leadsAdded()).containsExactly("市城管局");
            assertThat(c.leadsRemoved()).containsExactly("市市场监管局");
            assertThat(c.previousText()).isEqualTo("旧。");
            assertThat(c.text()).isEqualTo("新。");
            assertThat(c.previousTitle()).isNull();
        });
        var leadsOnly = List.of(t(8, "更新老旧电梯", "旧。", "市市场监管局", "市住建局", "市城管局"));
        assertThat(PlanDiff.between(before, leadsOnly).changed())
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.changes()).containsExactly("leads");
                    assertThat(c.leadsAdded()).containsExactly("市城管局");
                    assertThat(c.leadsRemoved()).isEmpty();
                    assertThat(c.previousText()).isNull();
                    assertThat(c.text()).isNull();
                });
    }

    @Test
    void matchesPairTheTasksANewVersionCarriesOver() {
        var before = List.of(t(1, "甲", "甲。", "市商务局"), t(2, "乙", "乙。", "市财政局"), t(3, "丙", "丙。", "市住建局"));
        var after = List.of(t(1, "甲", "甲。", "市商务局"), t(2, "丙二", "丙二。", "市住建局"));
        assertThat(PlanDiff.matches(before, after))
                .extracting(m -> m.before().number() + "→" + m.after().number())
                .containsExactly("1→1");
        var retitled = List.of(t(1, "甲", "甲。", "市商务局"), t(3, "丙二", "丙二。", "市住建局"));
        assertThat(PlanDiff.matches(before, retitled))
                .extracting(m -> m.before().number() + "→" + m.after().number())
                .containsExactly("1→1", "3→3");
    }

    @Test
    void theSameTasksGiveAnEmptyDiff() {
        var tasks = List.of(t(1, "甲", "甲。", "市商务局"));
        assertThat(PlanDiff.between(tasks, tasks).isEmpty()).isTrue();
    }
}
