package cn.gov.lvliang.renewal.subsidy.budget;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetViews.AccountView;
import cn.gov.lvliang.renewal.subsidy.messaging.BudgetEventData;
import cn.gov.lvliang.renewal.subsidy.messaging.SubsidyEvents;
import cn.gov.lvliang.renewal.subsidy.programmes.Programme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The budget ledger. Every change is a conditional SQL update of one account row plus a journal
 * entry, in the caller's transaction. The database is the guard: {@code reserved + posted <=
 * allocated} is both the condition of the reserving update (checked by its row count) and a CHECK
 * constraint, so it holds across threads and service instances. No in-memory lock guards money.
 */
@ApplicationScoped
public class BudgetLedger {

    /** Below this share of the allocation (basis points) an account is announced as low. */
    static final long LOW_WATER_BP = 1_000;

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final Event<FundsAllocated> allocated;

    public BudgetLedger(EntityManager em, Outbox outbox, Clock clock, Event<FundsAllocated> allocated) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.allocated = allocated;
    }

    /** Fired (synchronously, in the allocating transaction) when money arrives, so queued claims can be funded. */
    public record FundsAllocated(String programmeId, String county) {}

    /** What a claim or a top-up holds in the ledger; journal entries carry both ids. */
    public record Purpose(UUID claimId, UUID topUpId) {
        public static Purpose claim(UUID claimId) {
            return new Purpose(claimId, null);
        }
    }

    /**
     * Allocates money; without a funding source, splits it by the programme's shares.
     *
     * @return the accounts touched, after the allocation
     */
    @Transactional
    public List<AccountView> allocate(
            Programme programme, String county, FundingSource source, long amountFen, String note, String actor) {
        List<AccountView> touched = new ArrayList<>();
        FundingSource[] sources = FundingSource.values();
        long[] parts = source == null ? Shares.split(amountFen, programme.sharesBp()) : null;
        for (int i = 0; i < sources.length; i++) {
            long part = source == null ? parts[i] : (sources[i] == source ? amountFen : 0);
            if (part == 0) {
                continue;
            }
            long accountId = accountId(programme.id, county, sources[i]);
            em.createNativeQuery("update budget_account set allocated_fen = allocated_fen + ?1,"
                            + " low_announced = false, exhausted_announced = false where id = ?2")
                    .setParameter(1, part)
                    .setParameter(2, accountId)
                    .executeUpdate();
            journal(accountId, "ALLOCATE", part, null, note, actor);
            BudgetAccount account = reload(accountId);
            outbox.publish(
                    SubsidyEvents.TOPIC, aggregate(account), SubsidyEvents.BUDGET_ALLOCATED, data(account, part));
            touched.add(AccountView.of(account));
        }
        allocated.fire(new FundsAllocated(programme.id, county));
        return touched;
    }

    /**
     * Reserves {@code amountFen} for a claim or top-up across the programme's funding sources, all
     * or nothing.
     *
     * @return false when an account cannot cover its part; nothing is then reserved
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reserve(Programme programme, String county, Purpose purpose, long amountFen, String actor) {
        FundingSource[] sources = FundingSource.values();
        long[] parts = Shares.split(amountFen, programme.sharesBp());
        long[] accounts = new long[sources.length];
        for (int i = 0; i < sources.length; i++) {
            if (parts[i] == 0) {
                continue;
            }
            accounts[i] = accountId(programme.id, county, sources[i]);
            int updated = em.createNativeQuery("update budget_account set reserved_fen = reserved_fen + ?1"
                            + " where id = ?2 and reserved_fen + posted_fen + ?1 <= allocated_fen")
                    .setParameter(1, parts[i])
                    .setParameter(2, accounts[i])
                    .executeUpdate();
            if (updated == 0) {
                // Undo the parts already reserved: those rows are locked by this transaction.
                for (int j = 0; j < i; j++) {
                    if (parts[j] > 0) {
                        adjust(accounts[j], -parts[j], 0);
                    }
                }
                announceExhausted(accounts[i]);
                return false;
            }
        }
        for (int i = 0; i < sources.length; i++) {
            if (parts[i] > 0) {
                journal(accounts[i], "RESERVE", parts[i], purpose, null, actor);
                announceIfLow(accounts[i]);
            }
        }
        return true;
    }

    /** Turns what the purpose holds in reserve into posted money (支付). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long post(Purpose purpose, String actor) {
        return settle(purpose, "POST", actor);
    }

    /** Gives back what the purpose holds in reserve (释放). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long release(Purpose purpose, String actor) {
        return settle(purpose, "RELEASE", actor);
    }

    private long settle(Purpose purpose, String entryType, String actor) {
        jakarta.persistence.Query query = em.createNativeQuery("select account_id, sum(case entry_type"
                        + " when 'RESERVE' then amount_fen else -amount_fen end) from budget_journal"
                        + " where claim_id = ?1 and "
                        + (purpose.topUpId() == null ? "top_up_id is null" : "top_up_id = ?2")
                        + " and entry_type in ('RESERVE', 'POST', 'RELEASE') group by account_id order by account_id")
                .setParameter(1, purpose.claimId());
        if (purpose.topUpId() != null) {
            query.setParameter(2, purpose.topUpId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> held = query.getResultList();
        long total = 0;
        for (Object[] row : held) {
            long accountId = ((Number) row[0]).longValue();
            long amount = ((Number) row[1]).longValue();
            if (amount <= 0) {
                continue;
            }
            adjust(accountId, -amount, "POST".equals(entryType) ? amount : 0);
            journal(accountId, entryType, amount, purpose, null, actor);
            total += amount;
        }
        return total;
    }

    private void adjust(long accountId, long reservedDelta, long postedDelta) {
        int updated = em.createNativeQuery("update budget_account set reserved_fen = reserved_fen + ?1,"
                        + " posted_fen = posted_fen + ?2 where id = ?3")
                .setParameter(1, reservedDelta)
                .setParameter(2, postedDelta)
                .setParameter(3, accountId)
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("budget account " + accountId + " vanished");
        }
    }

    /** The accounts of a programme (and county), for reading. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccountView> accounts(String programmeId, String county, CallerScope.Condition programmes) {
        return filtered(programmeId, county, programmes, "programmeId, county, fundingSource").stream()
                .map(AccountView::of)
                .toList();
    }

    /** The accounts in scope, ordered; also the reconciliation's scope ({@link BudgetReconciliation}). */
    static List<BudgetAccount> filtered(
            String programmeId, String county, CallerScope.Condition programmes, String order) {
        StringBuilder query = new StringBuilder(programmes.clause());
        java.util.Map<String, Object> parameters = new java.util.HashMap<>(programmes.parameters());
        if (programmeId != null) {
            query.append(" and programmeId = :programme");
            parameters.put("programme", programmeId);
        }
        if (county != null) {
            query.append(" and county = :county");
            parameters.put("county", county);
        }
        return BudgetAccount.list(query + " order by " + order, parameters);
    }

    private long accountId(String programmeId, String county, FundingSource source) {
        em.createNativeQuery("insert into budget_account (programme_id, county, funding_source) values (?1, ?2, ?3)"
                        + " on conflict (programme_id, county, funding_source) do nothing")
                .setParameter(1, programmeId)
                .setParameter(2, county)
                .setParameter(3, source.name())
                .executeUpdate();
        return ((Number) em.createNativeQuery("select id from budget_account where programme_id = ?1 and county = ?2"
                                + " and funding_source = ?3")
                        .setParameter(1, programmeId)
                        .setParameter(2, county)
                        .setParameter(3, source.name())
                        .getSingleResult())
                .longValue();
    }

    private void journal(long accountId, String type, long amountFen, Purpose purpose, String note, String actor) {
        em.createNativeQuery("insert into budget_journal (account_id, entry_type, amount_fen, claim_id, top_up_id,"
                        + " note, actor, recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, accountId)
                .setParameter(2, type)
                .setParameter(3, amountFen)
                .setParameter(4, purpose == null ? null : purpose.claimId())
                .setParameter(5, purpose == null ? null : purpose.topUpId())
                .setParameter(6, note)
                .setParameter(7, actor)
                .setParameter(8, Instant.now(clock))
                .executeUpdate();
    }

    private void announceIfLow(long accountId) {
        int flagged = em.createNativeQuery("update budget_account set low_announced = true where id = ?1"
                        + " and not low_announced and (allocated_fen - reserved_fen - posted_fen) * 10000"
                        + " < allocated_fen * ?2")
                .setParameter(1, accountId)
                .setParameter(2, LOW_WATER_BP)
                .executeUpdate();
        if (flagged == 1) {
            BudgetAccount account = reload(accountId);
            outbox.publish(SubsidyEvents.TOPIC, aggregate(account), SubsidyEvents.BUDGET_LOW, data(account, 0));
        }
    }

    private void announceExhausted(long accountId) {
        int flagged = em.createNativeQuery(
                        "update budget_account set exhausted_announced = true where id = ?1 and not exhausted_announced")
                .setParameter(1, accountId)
                .executeUpdate();
        if (flagged == 1) {
            BudgetAccount account = reload(accountId);
            outbox.publish(SubsidyEvents.TOPIC, aggregate(account), SubsidyEvents.BUDGET_EXHAUSTED, data(account, 0));
        }
    }

    private BudgetAccount reload(long accountId) {
        BudgetAccount account = em.find(BudgetAccount.class, accountId);
        if (account == null) {
            throw Problems.notFound("resource.budget-account", accountId);
        }
        em.refresh(account);
        return account;
    }

    private static String aggregate(BudgetAccount a) {
        return a.programmeId + ":" + a.county + ":" + a.fundingSource;
    }

    private BudgetEventData data(BudgetAccount a, long amountFen) {
        return new BudgetEventData(
                a.programmeId,
                a.county,
                a.fundingSource.name(),
                amountFen,
                a.allocatedFen,
                a.reservedFen,
                a.postedFen,
                a.availableFen(),
                Instant.now(clock));
    }
}
