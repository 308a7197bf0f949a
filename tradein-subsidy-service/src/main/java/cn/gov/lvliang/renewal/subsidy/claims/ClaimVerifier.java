package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.subsidy.certificates.FarmMachineryCertificate;
import cn.gov.lvliang.renewal.subsidy.certificates.ScrapCertificateRecord;
import cn.gov.lvliang.renewal.subsidy.programmes.HomeItemCalculator;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeCategory;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleParameters;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleVersion;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The automatic checks (自动核验) of a claim. Each returns a {@link CheckResult} with its evidence.
 * Uniqueness (certificate, invoice, serial number, new VIN) is claimed in the {@code
 * claim_unique_use} table, whose primary key is the guard across concurrent requests and
 * instances.
 */
@ApplicationScoped
public class ClaimVerifier {

    /** A price this much above the retailer's earlier average for the model is flagged (basis points). */
    static final long PRICE_ANOMALY_BP = 12_000;
    /** Earlier sales needed before prices are compared. */
    static final int PRICE_HISTORY_MIN = 3;
    /** This many live claims delivered to one address raise a flag. */
    static final int ADDRESS_FLAG_AT = 5;

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EntityManager em;

    public ClaimVerifier(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<CheckResult> verify(Claim claim, RuleParameters rule) {
        // One applicant at a time, across instances: per-person limits are counted under this lock.
        // An appliance or digital product claim takes it in its uses' insert, its first statement
        // here; every count comes in a later statement, so with a snapshot taken under the lock.
        if (!claim.category.isProduct()) {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, claim.applicantIdHash)
                    .getSingleResult();
        }
        List<CheckResult> results = new ArrayList<>();
        if (claim.category.hasItemList()) {
            results.addAll(homeItems(claim, rule));
        } else {
            results.add(eligibility(claim, rule));
        }
        results.add(deadline(claim, rule));
        if (claim.category.isProduct()) {
            results.addAll(unique(
                    claim,
                    List.of(
                            new Use("INVOICE", claim.invoiceNumber, ReasonCode.INVOICE_ALREADY_USED),
                            new Use("SERIAL", claim.serialNumber, ReasonCode.SERIAL_ALREADY_USED)),
                    claim.applicantIdHash));
            ProductHistory history = productHistory(claim);
            results.add(perPersonLimit(claim, rule, history.earlierOfCategory()));
            results.add(priceAnomaly(claim, history.sellerSales(), history.sellerAveragePriceFen()));
            results.add(addressConcentration(history.deliveries()));
        } else if (claim.category.isCar()) {
            List<Use> uses = new ArrayList<>(List.of(
                    new Use("NEW_VIN", claim.newVin, ReasonCode.NEW_CAR_ALREADY_SUBSIDISED),
                    new Use("INVOICE", claim.invoiceNumber, ReasonCode.INVOICE_ALREADY_USED)));
            if (claim.category == ProgrammeCategory.CAR_SCRAPPAGE) {
                uses.add(new Use("CERTIFICATE", claim.scrapCertificateNumber, ReasonCode.CERTIFICATE_ALREADY_USED));
            }
            results.addAll(unique(claim, uses, null));
            if (claim.category == ProgrammeCategory.CAR_SCRAPPAGE) {
                results.addAll(certificate(claim, rule));
            } else {
                results.add(replacementsThisYear(claim, rule));
            }
            if (rule.eligibility().ownedBefore() != null) {
                results.add(CheckResult.manual(
                        "OWNED_BEFORE",
                        "the old car must be in the applicant's name before "
                                + rule.eligibility().ownedBefore()
                                + "; the reviewer checks the registration certificate (机动车登记证书)"));
            }
        }
        if (claim.category == ProgrammeCategory.OLD_DIESEL_TRUCK) {
            results.addAll(truck(claim, rule));
        }
        if (claim.category == ProgrammeCategory.FARM_MACHINERY_SCRAPPAGE) {
            results.add(
                    unique(claim, "CERTIFICATE", claim.scrapCertificateNumber, ReasonCode.CERTIFICATE_ALREADY_USED));
            results.addAll(FarmMachineryChecks.of(
                    claim, em.find(FarmMachineryCertificate.class, claim.scrapCertificateNumber)));
        }
        if (claim.limitGroup != null) {
            results.add(groupLimit(claim, rule));
        }
        results.addAll(sharedContacts(claim, rule));
        return results;
    }

    /**
     * 家装厨卫 / 适老化改造 (decision 0040): the items came from the catalogue (checked at filing), each
     * invoice is used by this claim only, and the household limit: the amounts of the applicant's live
     * claims of the programme with a purchase date in the rule version's period. Nothing left rejects
     * ({@code HOUSEHOLD_LIMIT_REACHED}); less left than computed limits the claim's amount to it.
     */
    private List<CheckResult> homeItems(Claim claim, RuleParameters rule) {
        List<CheckResult> results = new ArrayList<>();
        results.add(CheckResult.passed(
                "ELIGIBILITY", "items from the catalogue of rule v" + claim.ruleVersion + ": " + claim.computation));
        results.addAll(unique(
                claim,
                HomeItemClaims.invoices(claim).stream()
                        .map(invoice -> new Use("INVOICE", invoice, ReasonCode.INVOICE_ALREADY_USED))
                        .toList(),
                null));
        RuleVersion version = em.find(RuleVersion.class, claim.ruleVersionId);
        LocalDate to = version.effectiveTo == null ? LocalDate.of(9999, 12, 31) : version.effectiveTo;
        long earlier = ((Number) em.createNativeQuery("select coalesce(sum(amount_fen), 0) from claim"
                                + " where applicant_id_hash = ?1 and programme_id = ?2 and id <> ?3"
                                + " and purchase_date between ?4 and ?5 and status not in ('REJECTED', 'WITHDRAWN')")
                        .setParameter(1, claim.applicantIdHash)
                        .setParameter(2, claim.programmeId)
                        .setParameter(3, claim.id)
                        .setParameter(4, version.effectiveFrom)
                        .setParameter(5, to)
                        .getSingleResult())
                .longValue();
        long limit = rule.catalogue().householdLimitFen();
        HomeItemCalculator.Limited limited = HomeItemCalculator.householdLimit(claim.amountFen, earlier, limit);
        String counted = earlier + " fen claimed by the household (applicant) in " + version.effectiveFrom + " … "
                + (version.effectiveTo == null ? "" : version.effectiveTo) + ", limit " + limit + " fen";
        if (limited.reached()) {
            results.add(CheckResult.failed("HOUSEHOLD_LIMIT", ReasonCode.HOUSEHOLD_LIMIT_REACHED, counted));
        } else if (limited.limited()) {
            claim.computation += "; limited to the household's remaining " + limited.remainingFen() + " fen";
            claim.amountFen = limited.amountFen();
            results.add(CheckResult.passed(
                    "HOUSEHOLD_LIMIT",
                    counted + "; amount limited to the remaining " + limited.remainingFen() + " fen"));
        } else {
            results.add(CheckResult.passed("HOUSEHOLD_LIMIT", counted));
        }
        return results;
    }

    /**
     * 跨项目个人限额: one person's claims in the rule version's limit group this purchase year,
     * whatever programme they were filed under (counted under the applicant's lock above).
     */
    private CheckResult groupLimit(Claim claim, RuleParameters rule) {
        @SuppressWarnings("unchecked")
        List<String> earlier = em.createNativeQuery("select claim_number || ' (' || programme_id || ')' from claim"
                        + " where applicant_id_hash = ?1 and limit_group = ?2 and id <> ?3"
                        + " and extract(year from purchase_date) = ?4 and status not in ('REJECTED', 'WITHDRAWN')"
                        + " order by submitted_at, claim_number")
                .setParameter(1, claim.applicantIdHash)
                .setParameter(2, claim.limitGroup)
                .setParameter(3, claim.id)
                .setParameter(4, claim.purchaseDate.getYear())
                .getResultList();
        return GroupLimitRule.evaluate(
                claim.limitGroup, rule.limits().perPersonPerGroupPerYear(), claim.purchaseDate.getYear(), earlier);
    }

    /**
     * 同一收款账户 / 同一手机号: the claims sharing this claim's bank account or phone within the
     * rule's period, either side of its filing (so that the nightly sweep also finds newer ones);
     * both contacts in one query.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CheckResult> sharedContacts(Claim claim, RuleParameters rule) {
        RuleParameters.FraudChecks checks = rule.checks();
        Map<SharedContactRule.Contact, String> hashes = new LinkedHashMap<>();
        if (claim.bankAccountHash != null) {
            hashes.put(SharedContactRule.Contact.BANK_ACCOUNT, claim.bankAccountHash);
        }
        if (claim.applicantPhoneHash != null) {
            hashes.put(SharedContactRule.Contact.PHONE, claim.applicantPhoneHash);
        }
        if (hashes.isEmpty()) {
            return List.of();
        }
        Duration period = Duration.ofDays(checks.sharedContactPeriodDays());
        // each branch: at most NAMED_AT_MOST claims, with how many there are in all
        List<String> branches = new ArrayList<>();
        for (SharedContactRule.Contact contact : hashes.keySet()) {
            branches.add("(select '" + contact.name() + "', claim_number, count(*) over () from claim where "
                    + (contact == SharedContactRule.Contact.BANK_ACCOUNT ? "bank_account_hash" : "applicant_phone_hash")
                    + " = ?" + (branches.size() + 4) + " and id <> ?1 and submitted_at between ?2 and ?3"
                    + " and status not in ('REJECTED', 'WITHDRAWN') order by submitted_at, claim_number limit "
                    + SharedContactRule.NAMED_AT_MOST + ")");
        }
        // the columns and contacts are constants, never input
        Query query = em.createNativeQuery(String.join(" union all ", branches))
                .setParameter(1, claim.id)
                .setParameter(2, claim.submittedAt.minus(period))
                .setParameter(3, claim.submittedAt.plus(period));
        int position = 4;
        for (String hash : hashes.values()) {
            query.setParameter(position++, hash);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<CheckResult> results = new ArrayList<>();
        for (SharedContactRule.Contact contact : hashes.keySet()) {
            List<Object[]> own =
                    rows.stream().filter(r -> contact.name().equals(r[0])).toList();
            List<String> others = own.stream().map(r -> (String) r[1]).toList();
            long count = own.isEmpty() ? 0 : ((Number) own.get(0)[2]).longValue();
            results.add(SharedContactRule.evaluate(
                    contact, others, count, checks.sharedContactMaxClaims(), checks.sharedContactPeriodDays()));
        }
        return results;
    }

    private static CheckResult eligibility(Claim claim, RuleParameters rule) {
        SubsidyCalculator.Result result = claim.amountUnder(rule);
        if (result instanceof SubsidyCalculator.NotEligible no) {
            return CheckResult.failed(
                    "ELIGIBILITY", ReasonCode.valueOf(no.reason().name()), no.evidence());
        }
        return CheckResult.passed("ELIGIBILITY", ((SubsidyCalculator.Amount) result).formula());
    }

    private static CheckResult deadline(Claim claim, RuleParameters rule) {
        LocalDate deadline = rule.eligibility().applicationDeadline();
        LocalDate filed = LocalDate.ofInstant(claim.submittedAt, CHINA);
        if (deadline != null && filed.isAfter(deadline)) {
            return CheckResult.failed(
                    "APPLICATION_DEADLINE",
                    ReasonCode.APPLICATION_DEADLINE_PASSED,
                    "filed " + filed + ", applications closed " + deadline);
        }
        return CheckResult.passed(
                "APPLICATION_DEADLINE", "filed " + filed + (deadline == null ? "" : ", deadline " + deadline));
    }

    /** A value a claim uses once ({@code claim_unique_use}), and the reason when another claim holds it. */
    private record Use(String kind, String value, ReasonCode reason) {}

    private CheckResult unique(Claim claim, String kind, String value, ReasonCode reason) {
        return unique(claim, List.of(new Use(kind, value, reason)), null).get(0);
    }

    /**
     * Claims {@code uses} for the claim, all in one insert: one round trip when the values are free
     * (the usual case), the insert answering with the rows it wrote; the holder of a value already
     * taken is then read. One result per use, in order.
     *
     * @param lockApplicant the applicant's keyed hash when the insert is also to take the applicant's
     *     advisory lock (before it writes a row; one statement fewer than a select of its own), else null
     */
    private List<CheckResult> unique(Claim claim, List<Use> uses, String lockApplicant) {
        if (uses.isEmpty()) {
            return List.of();
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < uses.size(); i++) {
            values.append(i == 0 ? "" : ", ")
                    .append("(?")
                    .append(2 * i + 2)
                    .append(", ?")
                    .append(2 * i + 3)
                    .append(", ?1, now())");
        }
        // No result class here: Hibernate 6 caches a native query's plan under a key holding its
        // result mapping, and a mapping built from a class never equals the previous call's, so every
        // call added one more cache entry under the same hash (docs/performance.md).
        int lockParameter = 2 * uses.size() + 2;
        String rows = lockApplicant == null
                ? "values " + values
                : "select u.* from (select pg_advisory_xact_lock(hashtextextended(?" + lockParameter
                        + ", 0))) applicant, (values " + values + ") u";
        Query insert = em.createNativeQuery("insert into claim_unique_use (kind, value, claim_id, used_at) " + rows
                        + " on conflict (kind, value) do nothing returning kind, value")
                .setParameter(1, claim.id);
        if (lockApplicant != null) {
            insert.setParameter(lockParameter, lockApplicant);
        }
        for (int i = 0; i < uses.size(); i++) {
            insert.setParameter(2 * i + 2, uses.get(i).kind())
                    .setParameter(2 * i + 3, uses.get(i).value());
        }
        Set<List<Object>> inserted = new HashSet<>();
        for (Object row : insert.getResultList()) {
            inserted.add(List.of((Object[]) row));
        }
        List<CheckResult> results = new ArrayList<>();
        for (Use use : uses) {
            UUID holder = inserted.contains(List.of(use.kind(), use.value()))
                    ? claim.id
                    : (UUID)
                            em.createNativeQuery("select claim_id from claim_unique_use where kind = ?1 and value = ?2")
                                    .setParameter(1, use.kind())
                                    .setParameter(2, use.value())
                                    .getSingleResult();
            String code = use.kind() + "_UNUSED";
            String what = use.kind().toLowerCase() + " " + use.value();
            results.add(
                    holder.equals(claim.id)
                            ? CheckResult.passed(code, what + " used by this claim only")
                            : CheckResult.failed(code, use.reason(), what + " is used by claim " + holder));
        }
        return results;
    }

    /**
     * What an appliance or digital product's checks count among the other live claims, read in one
     * query: the applicant's claims of the category in the purchase year, the seller's earlier sales
     * of the model and their average price, and the deliveries to the address.
     */
    private record ProductHistory(
            long earlierOfCategory, long sellerSales, long sellerAveragePriceFen, long deliveries) {}

    private ProductHistory productHistory(Claim claim) {
        Object[] row = (Object[]) em.createNativeQuery("select person.n, seller.n, seller.average, address.n from"
                        + " (select count(*) n from claim where applicant_id_hash = ?1 and programme_id = ?2"
                        + " and product_category = ?3 and id <> ?4 and extract(year from purchase_date) = ?5"
                        + " and status not in ('REJECTED', 'WITHDRAWN')) person,"
                        + " (select count(*) n, coalesce(avg(price_fen), 0) average from claim"
                        + " where seller_credit_code = ?6 and model = ?7 and id <> ?4 and submitted_at < ?8"
                        + " and status not in ('REJECTED', 'WITHDRAWN')) seller,"
                        + " (select count(*) n from claim where delivery_address_hash = ?9"
                        + " and status not in ('REJECTED', 'WITHDRAWN')) address")
                .setParameter(1, claim.applicantIdHash)
                .setParameter(2, claim.programmeId)
                .setParameter(3, claim.productCategory)
                .setParameter(4, claim.id)
                .setParameter(5, claim.purchaseDate.getYear())
                .setParameter(6, claim.sellerCreditCode)
                .setParameter(7, claim.model)
                .setParameter(8, claim.submittedAt)
                .setParameter(9, claim.deliveryAddressHash)
                .getSingleResult();
        return new ProductHistory(
                ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(),
                Math.round(((Number) row[2]).doubleValue()),
                ((Number) row[3]).longValue());
    }

    private static CheckResult perPersonLimit(Claim claim, RuleParameters rule, long earlier) {
        Integer limit = rule.limits().limitFor(claim.productCategory);
        if (limit != null && earlier >= limit) {
            return CheckResult.failed(
                    "PER_PERSON_LIMIT",
                    ReasonCode.PER_PERSON_LIMIT_REACHED,
                    earlier + " earlier " + claim.productCategory + " claim(s) in " + claim.purchaseDate.getYear()
                            + ", limit " + limit);
        }
        return CheckResult.passed(
                "PER_PERSON_LIMIT",
                earlier + " earlier " + claim.productCategory + " claim(s), limit " + (limit == null ? "none" : limit));
    }

    private static CheckResult priceAnomaly(Claim claim, long count, long average) {
        if (count >= PRICE_HISTORY_MIN && claim.priceFen * 10_000 > average * PRICE_ANOMALY_BP) {
            return CheckResult.flagged(
                    "PRICE_ANOMALY",
                    "price " + claim.priceFen + " fen is more than 20 % above the seller's average " + average
                            + " fen over " + count + " earlier sale(s) of model " + claim.model);
        }
        return CheckResult.passed(
                "PRICE_ANOMALY", "seller's average " + average + " fen over " + count + " earlier sale(s)");
    }

    private static CheckResult addressConcentration(long deliveries) {
        if (deliveries >= ADDRESS_FLAG_AT) {
            return CheckResult.flagged(
                    "ADDRESS_CONCENTRATION", deliveries + " subsidised deliveries to this address (keyed hash)");
        }
        return CheckResult.passed("ADDRESS_CONCENTRATION", deliveries + " subsidised deliveries to this address");
    }

    private CheckResult replacementsThisYear(Claim claim, RuleParameters rule) {
        Integer limit = rule.limits().perPersonPerYear();
        long earlier = ((Number) em.createNativeQuery("select count(*) from claim where applicant_id_hash = ?1"
                                + " and category = 'CAR_REPLACEMENT' and id <> ?2"
                                + " and extract(year from purchase_date) = ?3"
                                + " and status not in ('REJECTED', 'WITHDRAWN')")
                        .setParameter(1, claim.applicantIdHash)
                        .setParameter(2, claim.id)
                        .setParameter(3, claim.purchaseDate.getYear())
                        .getSingleResult())
                .longValue();
        if (limit != null && earlier >= limit) {
            return CheckResult.failed(
                    "REPLACEMENTS_PER_YEAR",
                    ReasonCode.REPLACEMENT_LIMIT_REACHED,
                    earlier + " replacement claim(s) in " + claim.purchaseDate.getYear() + ", limit " + limit);
        }
        return CheckResult.passed(
                "REPLACEMENTS_PER_YEAR",
                earlier + " earlier replacement claim(s), limit " + (limit == null ? "none" : limit));
    }

    /**
     * 老旧营运柴油货车 (decision 0039): the scrap certificate like a scrapped car's (exists, valid, VIN,
     * owner), used once; a new truck's VIN and invoice used once.
     */
    private List<CheckResult> truck(Claim claim, RuleParameters rule) {
        List<CheckResult> results = new ArrayList<>();
        results.add(unique(claim, "CERTIFICATE", claim.scrapCertificateNumber, ReasonCode.CERTIFICATE_ALREADY_USED));
        results.addAll(certificate(claim, rule));
        if (claim.newVin != null) {
            results.add(unique(claim, "NEW_VIN", claim.newVin, ReasonCode.NEW_CAR_ALREADY_SUBSIDISED));
            results.add(unique(claim, "INVOICE", claim.invoiceNumber, ReasonCode.INVOICE_ALREADY_USED));
        }
        return results;
    }

    private List<CheckResult> certificate(Claim claim, RuleParameters rule) {
        ScrapCertificateRecord certificate = em.find(ScrapCertificateRecord.class, claim.scrapCertificateNumber);
        if (certificate == null) {
            return List.of(CheckResult.waiting(
                    "CERTIFICATE_EXISTS",
                    "certificate " + claim.scrapCertificateNumber + " not (yet) received from recycling-service;"
                            + " verified again when it arrives"));
        }
        em.refresh(certificate);
        List<CheckResult> results = new ArrayList<>();
        results.add(CheckResult.passed(
                "CERTIFICATE_EXISTS",
                "certificate " + certificate.certificateNumber + " v" + certificate.certificateVersion + " issued by "
                        + certificate.dismantlerCreditCode));
        results.add(CheckResult.certificateValid(certificate.status, certificate.voidReason));
        if (!certificate.vin.equals(claim.oldVin)) {
            results.add(CheckResult.failed(
                    "VIN_MATCH",
                    ReasonCode.VIN_MISMATCH,
                    "claim names old VIN " + claim.oldVin + ", certificate " + certificate.vin));
        } else {
            results.add(CheckResult.passed("VIN_MATCH", "old VIN " + claim.oldVin + " matches the certificate"));
        }
        if (!certificate.ownerIdHash.equals(claim.applicantIdHash)) {
            results.add(CheckResult.failed(
                    "OWNER_MATCH",
                    ReasonCode.OWNER_MISMATCH,
                    "applicant " + claim.applicantIdMasked + " is not the certificate's owner "
                            + certificate.ownerIdMasked + " (keyed hashes differ)"));
        } else {
            results.add(CheckResult.passed(
                    "OWNER_MATCH",
                    "applicant's keyed ID hash equals the certificate owner's (" + certificate.ownerIdMasked + ")"));
        }
        var cutoffs = rule.eligibility().oldCarRegisteredOnOrBefore();
        if (cutoffs != null) {
            LocalDate cutoff = cutoffs.get(certificate.powerType);
            if (cutoff == null) {
                results.add(CheckResult.failed(
                        "REGISTRATION_CUTOFF",
                        ReasonCode.REGISTERED_AFTER_CUTOFF,
                        "no cut-off for power type " + certificate.powerType + " in this rule version"));
            } else if (certificate.firstRegistrationDate.isAfter(cutoff)) {
                results.add(CheckResult.failed(
                        "REGISTRATION_CUTOFF",
                        ReasonCode.REGISTERED_AFTER_CUTOFF,
                        certificate.powerType + " car first registered " + certificate.firstRegistrationDate
                                + ", after the cut-off " + cutoff));
            } else {
                results.add(CheckResult.passed(
                        "REGISTRATION_CUTOFF",
                        certificate.powerType + " car first registered " + certificate.firstRegistrationDate
                                + ", on or before " + cutoff));
            }
        }
        return results;
    }
}
