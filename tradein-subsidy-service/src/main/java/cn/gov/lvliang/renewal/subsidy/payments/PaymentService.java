package cn.gov.lvliang.renewal.subsidy.payments;

import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetLedger;
import cn.gov.lvliang.renewal.subsidy.claims.Claim;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimEvents;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimStatus;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimTransition;
import cn.gov.lvliang.renewal.subsidy.payments.PaymentViews.BatchSummary;
import cn.gov.lvliang.renewal.subsidy.payments.PaymentViews.BatchView;
import cn.gov.lvliang.renewal.subsidy.payments.PaymentViews.ItemView;
import cn.gov.lvliang.renewal.subsidy.payments.PaymentViews.Result;
import cn.gov.lvliang.renewal.subsidy.payments.PaymentViews.TopUpView;
import cn.gov.lvliang.renewal.subsidy.programmes.DepartmentScope;
import cn.gov.lvliang.renewal.subsidy.programmes.Programme;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleBook;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleVersion;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Payment batches and retroactive top-ups. Results are recorded per item idempotently: the same
 * result again changes nothing, a different one is refused.
 */
@ApplicationScoped
public class PaymentService {

    /** Roles that read every county's batches. */
    private static final Set<String> CITY_WIDE = Set.of(Roles.CITY_ADMIN, Roles.AUDITOR, Roles.SYSTEM_CLIENT);

    private final BudgetLedger ledger;
    private final ClaimEvents events;
    private final RuleBook rules;
    private final PiiProtection pii;
    private final Clock clock;

    public PaymentService(BudgetLedger ledger, ClaimEvents events, RuleBook rules, PiiProtection pii, Clock clock) {
        this.ledger = ledger;
        this.events = events;
        this.rules = rules;
        this.pii = pii;
        this.clock = clock;
    }

    /**
     * Money arrived for a programme in a county: top-ups waiting for budget are reserved, oldest
     * first, until one does not fit. They come after the claims queued there ({@code
     * ClaimReview.onFundsAllocated} observes first): a claim not paid at all goes before a raise of
     * one already paid, so top-ups wait while any such claim still does.
     */
    void onFundsAllocated(
            @Observes @Priority(Interceptor.Priority.APPLICATION + 600) BudgetLedger.FundsAllocated allocated) {
        if (Claim.count(
                        "programmeId = ?1 and county = ?2 and status = ?3",
                        allocated.programmeId(),
                        allocated.county(),
                        ClaimStatus.QUEUED)
                > 0) {
            return;
        }
        List<TopUp> queued = TopUp.<TopUp>find(
                        "status = ?1 and claimId in (select c.id from Claim c where c.programmeId = ?2 and c.county"
                                + " = ?3) order by createdAt, id",
                        TopUp.Status.QUEUED,
                        allocated.programmeId(),
                        allocated.county())
                .list();
        Programme programme = Programme.findById(allocated.programmeId());
        for (TopUp topUp : queued) {
            boolean reserved = ledger.reserve(
                    programme,
                    allocated.county(),
                    new BudgetLedger.Purpose(topUp.claimId, topUp.id),
                    topUp.amountFen,
                    "system");
            topUp.reservation(reserved);
            if (!reserved) {
                return;
            }
        }
    }

    /**
     * Groups the approved, unbatched claims and reserved top-ups of a programme and county. A claim
     * whose rules ask for the old item to be collected first waits until recycling-service has
     * recorded that collection; a truck claim whose rules ask for deregistration first waits for its
     * certificate's vehicle.deregistered.v1 (decision 0039).
     */
    @Transactional
    public BatchView create(String programmeId, String county, Caller caller) {
        requireCounty(county, caller);
        if (Programme.findById(programmeId) == null) {
            throw Problems.notFound("resource.programme", programmeId);
        }
        // Row locks keep two concurrent batch runs (or instances) from taking the same claim.
        List<Claim> claims = Claim.<Claim>find(
                        "programmeId = ?1 and county = ?2 and status = ?3 and paymentBatchId is null"
                                + " and (collectionRequired = false or oldItemCollectedOn is not null)"
                                + " and (deregistrationRequired = false or scrapCertificateNumber in (select"
                                + " s.certificateNumber from ScrapCertificateRecord s where s.deregisteredOn is not null))"
                                + " order by approvedAt, id",
                        programmeId,
                        county,
                        ClaimStatus.APPROVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        List<TopUp> topUps = TopUp.<TopUp>find(
                        "status = ?1 and paymentBatchId is null and claimId in (select c.id from Claim c where"
                                + " c.programmeId = ?2 and c.county = ?3) order by createdAt, id",
                        TopUp.Status.RESERVED,
                        programmeId,
                        county)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        if (claims.isEmpty() && topUps.isEmpty()) {
            throw Problems.unprocessable("nothing-to-pay", "detail.nothing-to-pay", programmeId, county);
        }
        PaymentBatch batch = new PaymentBatch();
        batch.id = UUID.randomUUID();
        batch.programmeId = programmeId;
        batch.county = county;
        batch.createdBy = caller.subject();
        batch.createdAt = Instant.now(clock);
        int no = 0;
        long total = 0;
        List<PaymentItem> items = new ArrayList<>();
        for (Claim claim : claims) {
            claim.batched(batch.id);
            items.add(PaymentItem.pending(batch.id, ++no, claim.id, null, PaymentItem.Kind.PAYMENT, claim.amountFen));
            total += claim.amountFen;
        }
        for (TopUp topUp : topUps) {
            topUp.batched(batch.id);
            items.add(PaymentItem.pending(
                    batch.id, ++no, topUp.claimId, topUp.id, PaymentItem.Kind.TOP_UP, topUp.amountFen));
            total += topUp.amountFen;
        }
        batch.totalFen = total;
        batch.itemCount = no;
        batch.persist();
        items.forEach(i -> i.persist());
        return view(batch);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BatchView get(UUID id, Caller caller) {
        return view(scoped(id, caller));
    }

    /** The treasury file: one line per item, UTF-8 with BOM, amounts in yuan with two decimals. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String treasuryCsv(UUID id, Caller caller) {
        PaymentBatch batch = scoped(id, caller);
        StringBuilder csv = new StringBuilder("\uFEFF序号,批次,申请编号,类型,收款人,收款账号,金额(元),用途\r\n");
        for (PaymentItem item : items(batch.id)) {
            Claim claim = Claim.findById(item.claimId);
            csv.append(item.itemNo)
                    .append(',')
                    .append(batch.id)
                    .append(',')
                    .append(claim.id)
                    .append(',')
                    .append(item.kind == PaymentItem.Kind.PAYMENT ? "补贴" : "补差")
                    .append(',')
                    .append(csvField(pii.decrypt(claim.applicantNameEncrypted, "claim.applicant_name")))
                    .append(',')
                    .append(pii.decrypt(claim.bankAccountEncrypted, "claim.bank_account"))
                    .append(',')
                    .append(BigDecimal.valueOf(item.amountFen, 2).toPlainString())
                    .append(',')
                    .append(csvField(batch.programmeId + " 以旧换新补贴"))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String csvField(String value) {
        String safe = value.startsWith("=") || value.startsWith("+") || value.startsWith("-") || value.startsWith("@")
                ? "'" + value
                : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** Records the treasury's results, item by item, idempotently. */
    @Transactional
    public BatchView record(UUID id, List<Result> results, Caller caller) {
        PaymentBatch batch = scoped(id, caller);
        for (Result result : results) {
            PaymentItem item = PaymentItem.<PaymentItem>find("batchId = ?1 and itemNo = ?2", batch.id, result.itemNo())
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .firstResult();
            if (item == null) {
                throw Problems.invalidField("results.itemNo", result.itemNo(), "field.unknown-item");
            }
            PaymentItem.Outcome outcome =
                    PaymentItem.Outcome.valueOf(result.outcome().name());
            if (!item.record(
                    outcome, result.bankReference(), result.failureReason(), result.retry(), Instant.now(clock))) {
                continue; // the same result again: nothing to do
            }
            Claim claim = Claim.findById(item.claimId);
            if (outcome == PaymentItem.Outcome.PAID) {
                paid(item, claim);
            } else {
                failed(item, claim, Boolean.TRUE.equals(result.retry()), result.failureReason());
            }
            for (ClaimTransition t : claim.drainTransitions()) {
                t.persist();
            }
        }
        return view(batch);
    }

    private void paid(PaymentItem item, Claim claim) {
        Instant now = Instant.now(clock);
        if (item.kind == PaymentItem.Kind.PAYMENT) {
            ledger.post(BudgetLedger.Purpose.claim(claim.id), "treasury");
            claim.paid(item.amountFen, clock);
        } else {
            TopUp topUp = TopUp.findById(item.topUpId);
            ledger.post(new BudgetLedger.Purpose(claim.id, topUp.id), "treasury");
            topUp.paid();
            claim.toppedUp(item.amountFen);
        }
        events.paid(claim, item.amountFen, item.kind.name(), now);
    }

    private void failed(PaymentItem item, Claim claim, boolean retry, String reason) {
        if (item.kind == PaymentItem.Kind.PAYMENT) {
            if (!retry) {
                ledger.release(BudgetLedger.Purpose.claim(claim.id), "treasury");
            }
            claim.paymentFailed(retry, reason == null ? "payment failed" : reason, clock);
        } else {
            TopUp topUp = TopUp.findById(item.topUpId);
            topUp.paymentFailed(retry);
            if (!retry) {
                ledger.release(new BudgetLedger.Purpose(claim.id, topUp.id), "treasury");
            }
        }
    }

    /**
     * Compares every paid claim of the programme with the rule version now in force for its
     * purchase date; where a higher version pays more, creates a top-up and reserves its amount.
     */
    @Transactional
    public List<TopUpView> computeTopUps(String programmeId, Caller caller) {
        Programme programme = Programme.findById(programmeId);
        if (programme == null) {
            throw Problems.notFound("resource.programme", programmeId);
        }
        List<TopUpView> created = new ArrayList<>();
        for (Claim claim : Claim.<Claim>list(
                "programmeId = ?1 and status = ?2 order by paidAt, id", programmeId, ClaimStatus.PAID)) {
            Optional<RuleVersion> current = rules.inForce(programmeId, claim.purchaseDate);
            if (current.isEmpty() || current.get().version <= claim.ruleVersion || claim.category.hasItemList()) {
                // claims of items (decision 0040) get no retroactive top-ups: not implemented
                continue;
            }
            RuleVersion version = current.get();
            if (TopUp.count("claimId = ?1 and toRuleVersion = ?2", claim.id, version.version) > 0) {
                continue;
            }
            SubsidyCalculator.Result result = claim.amountUnder(rules.parameters(version));
            if (!(result instanceof SubsidyCalculator.Amount amount) || amount.amountFen() <= claim.paidAmountFen) {
                continue;
            }
            TopUp topUp = TopUp.create(
                    claim.id,
                    claim.ruleVersion,
                    version.version,
                    amount.amountFen() - claim.paidAmountFen,
                    Instant.now(clock));
            topUp.persist();
            topUp.reservation(ledger.reserve(
                    programme,
                    claim.county,
                    new BudgetLedger.Purpose(claim.id, topUp.id),
                    topUp.amountFen,
                    caller.subject()));
            created.add(new TopUpView(
                    topUp.id, claim.id, topUp.fromRuleVersion, topUp.toRuleVersion, topUp.amountFen, topUp.status));
        }
        return created;
    }

    /**
     * The batches the caller may read, newest first: all for the city, its own county's for a
     * county officer; filters narrow that further.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BatchSummary> list(String programmeId, String county, int page, int size, Caller caller) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        DepartmentScope.requireKnownCounty(caller);
        var department = DepartmentScope.programmes(caller, "programmeId");
        if (department.isPresent()) {
            query.append(" and (").append(department.get().clause()).append(")");
            parameters.putAll(department.get().parameters());
        } else if (!caller.hasAnyRole(CITY_WIDE)) {
            query.append(" and county = :scopeCounty");
            parameters.put("scopeCounty", caller.county().orElse(""));
        }
        if (programmeId != null) {
            query.append(" and programmeId = :programme");
            parameters.put("programme", programmeId);
        }
        if (county != null) {
            query.append(" and county = :county");
            parameters.put("county", county);
        }
        var found = PaymentBatch.<PaymentBatch>find(query + " order by createdAt desc, id", parameters);
        List<PaymentBatch> batches =
                found.page(io.quarkus.panache.common.Page.of(page, size)).list();
        Map<UUID, Map<PaymentItem.Outcome, Long>> outcomes = outcomes(batches);
        List<BatchSummary> items = batches.stream()
                .map(b -> {
                    Map<PaymentItem.Outcome, Long> counts = outcomes.getOrDefault(b.id, Map.of());
                    return new BatchSummary(
                            b.id,
                            b.programmeId,
                            b.county,
                            b.createdAt,
                            b.totalFen,
                            b.itemCount,
                            counts.getOrDefault(PaymentItem.Outcome.PAID, 0L),
                            counts.getOrDefault(PaymentItem.Outcome.FAILED, 0L),
                            counts.getOrDefault(PaymentItem.Outcome.PENDING, 0L));
                })
                .toList();
        return new Page<>(items, found.count(), page, size);
    }

    /** How many items of each batch have each outcome: one query for the page. */
    private static Map<UUID, Map<PaymentItem.Outcome, Long>> outcomes(List<PaymentBatch> batches) {
        Map<UUID, Map<PaymentItem.Outcome, Long>> outcomes = new HashMap<>();
        if (batches.isEmpty()) {
            return outcomes;
        }
        List<Object[]> rows = PaymentItem.getEntityManager()
                .createQuery(
                        "select i.batchId, i.outcome, count(i) from PaymentItem i where i.batchId in :batches"
                                + " group by i.batchId, i.outcome",
                        Object[].class)
                .setParameter("batches", batches.stream().map(b -> b.id).toList())
                .getResultList();
        for (Object[] row : rows) {
            outcomes.computeIfAbsent((UUID) row[0], id -> new EnumMap<>(PaymentItem.Outcome.class))
                    .put((PaymentItem.Outcome) row[1], (Long) row[2]);
        }
        return outcomes;
    }

    private static void requireCounty(String county, Caller caller) {
        if (caller.hasRole(Roles.CITY_ADMIN)) {
            return;
        }
        if (!caller.county().map(county::equals).orElse(false)) {
            throw Problems.forbidden("not-your-county", "detail.not-your-county", county);
        }
    }

    private static PaymentBatch scoped(UUID id, Caller caller) {
        DepartmentScope.requireKnownCounty(caller);
        PaymentBatch batch = PaymentBatch.findById(id);
        var department = DepartmentScope.programmes(caller, "programmeId");
        boolean inScope;
        if (batch == null) {
            inScope = false;
        } else if (department.isPresent()) {
            // 市财政局 and the other departments: the batches of the programmes they are responsible for
            Map<String, Object> parameters = new HashMap<>(department.get().parameters());
            parameters.put("id", id);
            inScope = PaymentBatch.count("id = :id and (" + department.get().clause() + ")", parameters) > 0;
        } else {
            inScope = caller.hasAnyRole(CITY_WIDE)
                    || caller.county().map(batch.county::equals).orElse(false);
        }
        if (!inScope) {
            throw Problems.notFound("resource.payment-batch", id);
        }
        return batch;
    }

    private static List<PaymentItem> items(UUID batchId) {
        return PaymentItem.list("batchId = ?1 order by itemNo", batchId);
    }

    private static BatchView view(PaymentBatch batch) {
        return new BatchView(
                batch.id,
                batch.programmeId,
                batch.county,
                batch.createdAt,
                batch.totalFen,
                items(batch.id).stream()
                        .map(i -> new ItemView(
                                i.itemNo,
                                i.claimId,
                                i.topUpId,
                                i.kind,
                                i.amountFen,
                                i.outcome,
                                i.bankReference,
                                i.failureReason,
                                i.retry))
                        .toList());
    }
}
