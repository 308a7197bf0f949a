package cn.gov.lvliang.renewal.tasks.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.renewal.testing.statemachine.Sequences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The versions of two policy documents under every sequence of up to 8 imports (3^1 + … + 3^8 =
 * 9,840 sequences; the third command re-imports the first document's text over a stale previous
 * version, as a second import racing the first would): per document exactly one version is
 * current, and it is the newest; versions are numbered 1, 2, 3 … without gaps, each pointing at the
 * one before; a superseded version never becomes current again; a plan is imported once.
 */
class PlanSuccessionTest {

    enum Command {
        IMPORT_A,
        IMPORT_B,
        /** A plan of document A told to follow A's first version although newer ones exist. */
        IMPORT_A_AFTER_A_STALE_VERSION
    }

    record Version(String document, int number, Plan.Status status, UUID previous) {}

    record Observed(List<Version> versions, boolean refused) {}

    static final class Model {
        final List<Plan> plans = new ArrayList<>();
        boolean refused;

        void apply(Command command) {
            refused = false;
            String document = command == Command.IMPORT_B ? "吕政发〔2024〕5号" : "吕政发〔2024〕4号";
            List<Plan> ofDocument = plans.stream()
                    .filter(p -> p.documentNumber.equals(document))
                    .sorted(Comparator.comparingInt((Plan p) -> p.planVersion))
                    .toList();
            Plan previous = ofDocument.isEmpty()
                    ? null
                    : command == Command.IMPORT_A_AFTER_A_STALE_VERSION
                            ? ofDocument.get(0)
                            : ofDocument.get(ofDocument.size() - 1);
            if (command == Command.IMPORT_A_AFTER_A_STALE_VERSION && ofDocument.size() > 1) {
                // the database refuses a second version with the same number (unique index); the
                // domain must not have touched anything before that
                Plan racing = plan(document);
                racing.succeed(previous);
                refused = plans.stream()
                        .anyMatch(p -> p.planVersion == racing.planVersion && p.documentNumber.equals(document));
                if (refused) {
                    return;
                }
                plans.add(racing);
                return;
            }
            Plan plan = plan(document);
            plan.succeed(previous);
            plans.add(plan);
        }

        private static Plan plan(String document) {
            Plan plan = new Plan();
            plan.id = UUID.randomUUID();
            plan.documentNumber = document;
            return plan;
        }

        Observed observe() {
            return new Observed(
                    plans.stream()
                            .map(p -> new Version(p.documentNumber, p.planVersion, p.status, p.previousPlanId))
                            .toList(),
                    refused);
        }
    }

    @Test
    void eachDocumentHasExactlyOneCurrentVersionTheNewestAndSupersededStaysSuperseded() {
        long sequences = Sequences.check(
                8, List.of(Command.values()), Model::new, Model::apply, Model::observe, (before, command, after) -> {
                    for (String document : after.versions().stream()
                            .map(Version::document)
                            .distinct()
                            .toList()) {
                        List<Version> versions = after.versions().stream()
                                .filter(v -> v.document().equals(document))
                                .sorted(Comparator.comparingInt(Version::number))
                                .toList();
                        for (int i = 0; i < versions.size(); i++) {
                            assertThat(versions.get(i).number())
                                    .as("numbered without gaps")
                                    .isEqualTo(i + 1);
                        }
                        assertThat(versions.stream().filter(v -> v.status() == Plan.Status.CURRENT))
                                .as("one current version of " + document)
                                .hasSize(1);
                        assertThat(versions.get(versions.size() - 1).status())
                                .as("the newest is current")
                                .isEqualTo(Plan.Status.CURRENT);
                        assertThat(versions.get(0).previous()).isNull();
                    }
                    for (int i = 0; i < before.versions().size(); i++) {
                        Version was = before.versions().get(i);
                        Version now = after.versions().get(i);
                        assertThat(now.number()).isEqualTo(was.number());
                        if (was.status() == Plan.Status.SUPERSEDED) {
                            assertThat(now.status())
                                    .as("superseded stays superseded")
                                    .isEqualTo(Plan.Status.SUPERSEDED);
                        }
                    }
                    assertThat(after.versions().size())
                            .isEqualTo(before.versions().size() + (after.refused() ? 0 : 1));
                });
        assertThat(sequences).isEqualTo(Sequences.count(3, 8)).isEqualTo(9_840);
    }

    @Test
    void aPlanIsImportedOnceAndFollowsOnlyItsOwnDocument() {
        Plan first = Model.plan("吕政发〔2024〕4号");
        first.succeed(null);
        assertThatThrownBy(() -> first.succeed(null)).isInstanceOf(IllegalStateException.class);
        Plan other = Model.plan("吕政发〔2024〕5号");
        assertThatThrownBy(() -> other.succeed(first)).isInstanceOf(IllegalArgumentException.class);
        assertThat(first.status).isEqualTo(Plan.Status.CURRENT);
        assertThat(other.status).isNull();
    }
}
