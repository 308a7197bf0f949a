package cn.gov.lvliang.renewal.subsidy.payments;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.testing.statemachine.Sequences;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A retroactive top-up and its payment items under every sequence of up to 7 batch runs and
 * treasury results (6^1 + … + 6^7 = 335,922 sequences), the way {@link PaymentService} drives them:
 * a top-up is paid at most once and never more than its amount; PAID and RELEASED are final; a
 * settled item's result never changes (the same result again changes nothing, another one is
 * refused); a top-up is in a batch exactly while its newest item is pending.
 */
class TopUpPaymentStateTest {

    private static final long AMOUNT = 12_345;
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    enum Command {
        /** The batch run: takes the top-up if it is reserved and not in a batch. */
        BATCH,
        /** Batching it regardless (a second, racing batch run): must be refused unless batchable. */
        FORCE_BATCH,
        PAID,
        FAILED_RETRY,
        FAILED_FINAL,
        /** The treasury reports PAID for the first item again (a stale file). */
        PAID_FIRST_ITEM
    }

    record Observed(
            TopUp.Status status,
            boolean inBatch,
            long amountFen,
            List<PaymentItem.Outcome> items,
            long paidFen,
            boolean refused) {}

    static final class Model {
        final TopUp topUp = TopUp.create(UUID.randomUUID(), 1, 2, AMOUNT, NOW);
        final List<PaymentItem> items = new ArrayList<>();
        boolean refused;

        Model() {
            topUp.reservation(true);
        }

        void apply(Command command) {
            refused = false;
            switch (command) {
                case BATCH -> {
                    if (topUp.batchable()) {
                        batch();
                    }
                }
                case FORCE_BATCH -> {
                    try {
                        batch();
                    } catch (IllegalStateException e) {
                        refused = true;
                    }
                }
                case PAID -> result(last(), PaymentItem.Outcome.PAID, false);
                case FAILED_RETRY -> result(last(), PaymentItem.Outcome.FAILED, true);
                case FAILED_FINAL -> result(last(), PaymentItem.Outcome.FAILED, false);
                case PAID_FIRST_ITEM -> result(items.isEmpty() ? null : items.get(0), PaymentItem.Outcome.PAID, false);
            }
        }

        private void batch() {
            UUID batchId = UUID.randomUUID();
            topUp.batched(batchId);
            items.add(PaymentItem.pending(
                    batchId, items.size() + 1, topUp.claimId, topUp.id, PaymentItem.Kind.TOP_UP, topUp.amountFen));
        }

        private PaymentItem last() {
            return items.isEmpty() ? null : items.get(items.size() - 1);
        }

        /** What PaymentService.record does for one top-up item. */
        private void result(PaymentItem item, PaymentItem.Outcome outcome, boolean retry) {
            if (item == null) {
                return;
            }
            try {
                if (!item.record(outcome, "TRX" + item.itemNo, retry ? "busy" : null, retry, NOW)) {
                    return;
                }
            } catch (ProblemException conflict) {
                refused = true;
                return;
            }
            if (outcome == PaymentItem.Outcome.PAID) {
                topUp.paid();
            } else {
                topUp.paymentFailed(retry);
            }
        }

        Observed observe() {
            return new Observed(
                    topUp.status,
                    topUp.paymentBatchId != null,
                    topUp.amountFen,
                    items.stream().map(i -> i.outcome).toList(),
                    items.stream()
                            .filter(i -> i.outcome == PaymentItem.Outcome.PAID)
                            .mapToLong(i -> i.amountFen)
                            .sum(),
                    refused);
        }
    }

    @Test
    void aTopUpIsPaidAtMostOnceAndItsFinalStatesStayFinal() {
        long sequences = Sequences.check(
                7, List.of(Command.values()), Model::new, Model::apply, Model::observe, (before, command, after) -> {
                    assertThat(after.amountFen()).isEqualTo(AMOUNT);
                    assertThat(after.paidFen()).as("never paid more than once").isIn(0L, AMOUNT);
                    assertThat(after.status() == TopUp.Status.PAID).isEqualTo(after.paidFen() == AMOUNT);
                    if (before.status() == TopUp.Status.PAID || before.status() == TopUp.Status.RELEASED) {
                        assertThat(after.status()).as("final").isEqualTo(before.status());
                        assertThat(after.inBatch()).as("final").isEqualTo(before.inBatch());
                    }
                    for (int i = 0; i < before.items().size(); i++) {
                        if (before.items().get(i) != PaymentItem.Outcome.PENDING) {
                            assertThat(after.items().get(i))
                                    .as("a settled item")
                                    .isEqualTo(before.items().get(i));
                        }
                    }
                    List<PaymentItem.Outcome> items = after.items();
                    PaymentItem.Outcome newest = items.isEmpty() ? null : items.get(items.size() - 1);
                    assertThat(items.stream()
                                    .filter(o -> o == PaymentItem.Outcome.PENDING)
                                    .count())
                            .as("one pending item at most")
                            .isLessThanOrEqualTo(1);
                    switch (after.status()) {
                        case RESERVED -> {
                            assertThat(after.inBatch())
                                    .as("reserved: in a batch exactly while its newest item is pending")
                                    .isEqualTo(newest == PaymentItem.Outcome.PENDING);
                            assertThat(newest).isIn(null, PaymentItem.Outcome.PENDING, PaymentItem.Outcome.FAILED);
                        }
                        case PAID -> {
                            assertThat(after.inBatch())
                                    .as("paid: stays with the batch that paid it")
                                    .isTrue();
                            assertThat(newest).isEqualTo(PaymentItem.Outcome.PAID);
                        }
                        case RELEASED -> {
                            assertThat(after.inBatch())
                                    .as("released: in no batch")
                                    .isFalse();
                            assertThat(newest).isEqualTo(PaymentItem.Outcome.FAILED);
                        }
                        case QUEUED -> throw new AssertionError("a reserved top-up never goes back to the queue");
                    }
                    if (command == Command.FORCE_BATCH) {
                        assertThat(after.refused())
                                .as("batched only when reserved and not in a batch")
                                .isEqualTo(!(before.status() == TopUp.Status.RESERVED && !before.inBatch()));
                    }
                    if (after.refused()) {
                        assertThat(new Observed(
                                        after.status(),
                                        after.inBatch(),
                                        after.amountFen(),
                                        after.items(),
                                        after.paidFen(),
                                        true))
                                .as("a refused command changes nothing")
                                .isEqualTo(new Observed(
                                        before.status(),
                                        before.inBatch(),
                                        before.amountFen(),
                                        before.items(),
                                        before.paidFen(),
                                        true));
                    }
                });
        assertThat(sequences).isEqualTo(Sequences.count(6, 7)).isEqualTo(335_922);
    }

    @Test
    void aTopUpNeverStartsWithoutAnAmountAndAQueuedOneIsNeverBatched() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TopUp.create(UUID.randomUUID(), 1, 2, 0, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        TopUp queued = TopUp.create(UUID.randomUUID(), 1, 2, 100, NOW);
        queued.reservation(false);
        assertThat(queued.status).isEqualTo(TopUp.Status.QUEUED);
        assertThat(queued.batchable()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> queued.batched(UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(queued::paid).isInstanceOf(IllegalStateException.class);
    }
}
