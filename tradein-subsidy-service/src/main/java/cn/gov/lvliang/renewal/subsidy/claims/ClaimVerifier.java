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
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, claim.applicantIdHash)
                .getSingleResult();
        List<CheckResult> results = new ArrayList<>();
        if (claim.category.hasItemList()) {
            results.addAll(homeItems(claim, rule));
        } else {
            results.add(eligibility(claim, rule));
        }
        results.add(deadline(claim, rule));
        if (claim.category.isProduct()) {
            results.add(unique(claim, "INVOICE", claim.invoiceNumber, ReasonCode.INVOICE_ALREADY_USED));
            results.add(unique(claim, "SERIAL", claim.serialNumber, ReasonCode.SERIAL_ALREADY_USED));
            results.add(perPersonLimit(claim, rule));
            results.add(priceAnomaly(claim));
            results.add(addressConcentration(claim));
        } else if (claim.category.isCar()) {
            results.add(unique(claim, "NEW_VIN", claim.newVin, ReasonCode.NEW_CAR_ALREADY_SUBSIDISED));
            results.add(unique(claim, "INVOICE", claim.invoiceNumber, ReasonCode.INVOICE_ALREADY_USED));
            if (claim.category == ProgrammeCategory.CAR_SCRAPPAGE) {
                results.add(unique(
                        claim, "CERTIFICATE", claim.scrapCertificateNumber, ReasonCode.CERTIFICATE_ALREADY_USED));
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
        for (String invoice : HomeItemClaims.invoices(claim)) {
            results.add(unique(claim, "INVOICE", invoice, ReasonCode.INVOICE_ALREADY_USED));
        }
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
     * rule's period, either side of its filing (so that the nightly sweep also finds newer ones).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CheckResult> sharedContacts(Claim claim, RuleParameters rule) {
        RuleParameters.FraudChecks checks = rule.checks();
        List<CheckResult> results = new ArrayList<>();
        if (claim.bankAccountHash != null) {
            results.add(sharedContact(claim, SharedContactRule.Contact.BANK_ACCOUNT, "bank_account_hash", checks));
        }
        if (claim.applicantPhoneHash != null) {
            results.add(sharedContact(claim, SharedContactRule.Contact.PHONE, "applicant_phone_hash", checks));
        }
        return results;
    }

    private CheckResult sharedContact(
            Claim claim, SharedContactRule.Contact contact, String column, RuleParameters.FraudChecks checks) {
        Duration period = Duration.ofDays(checks.sharedContactPeriodDays());
        String hash =
                contact == SharedContactRule.Contact.BANK_ACCOUNT ? claim.bankAccountHash : claim.applicantPhoneHash;
        // column is one of two constants, never input
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select claim_number, count(*) over () from claim where " + column
                        + " = ?1 and id <> ?2 and submitted_at between ?3 and ?4"
                        + " and status not in ('REJECTED', 'WITHDRAWN') order by submitted_at, claim_number limit "
                        + SharedContactRule.NAMED_AT_MOST)
                .setParameter(1, hash)
                .setParameter(2, claim.id)
                .setParameter(3, claim.submittedAt.minus(period))
                .setParameter(4, claim.submittedAt.plus(period))
                .getResultList();
        List<String> others = rows.stream().map(r -> (String) r[0]).toList();
        long count = rows.isEmpty() ? 0 : ((Number) rows.get(0)[1]).longValue();
        return SharedContactRule.evaluate(
                contact, others, count, checks.sharedContactMaxClaims(), checks.sharedContactPeriodDays());
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

    private CheckResult unique(Claim claim, String kind, String value, ReasonCode reason) {
        String code = kind + "_UNUSED";
        // One round trip when the value is free (the usual case): the insert answers with the row.
        // No result class here: Hibernate 6 caches a native query's plan under a key holding its
        // result mapping, and a mapping built from a class never equals the previous call's, so every
        // call added one more cache entry under the same hash (docs/performance.md).
        List<?> inserted = em.createNativeQuery(
                        "insert into claim_unique_use (kind, value, claim_id, used_at) values (?1, ?2, ?3, now())"
                                + " on conflict (kind, value) do nothing returning claim_id")
                .setParameter(1, kind)
                .setParameter(2, value)
                .setParameter(3, claim.id)
                .getResultList();
        UUID holder = !inserted.isEmpty()
                ? (UUID) inserted.get(0)
                : (UUID) em.createNativeQuery("select claim_id from claim_unique_use where kind = ?1 and value = ?2")
                        .setParameter(1, kind)
                        .setParameter(2, value)
                        .getSingleResult();
        if (!holder.equals(claim.id)) {
            return CheckResult.failed(code, reason, kind.toLowerCase() + " " + value + " is used by claim " + holder);
        }
        return CheckResult.passed(code, kind.toLowerCase() + " " + value + " used by this claim only");
    }

    private CheckResult perPersonLimit(Claim claim, RuleParameters rule) {
        Integer limit = rule.limits().limitFor(claim.productCategory);
        long earlier = ((Number) em.createNativeQuery("select count(*) from claim where applicant_id_hash = ?1"
                                + " and programme_id = ?2 and product_category = ?3 and id <> ?4"
                                + " and extract(year from purchase_date) = ?5"
                                + " and status not in ('REJECTED', 'WITHDRAWN')")
                        .setParameter(1, claim.applicantIdHash)
                        .setParameter(2, claim.programmeId)
                        .setParameter(3, claim.productCategory)
                        .setParameter(4, claim.id)
                        .setParameter(5, claim.purchaseDate.getYear())
                        .getSingleResult())
                .longValue();
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

    private CheckResult priceAnomaly(Claim claim) {
        Object[] history = (Object[]) em.createNativeQuery("select count(*), coalesce(avg(price_fen), 0) from claim"
                        + " where seller_credit_code = ?1 and model = ?2 and id <> ?3 and submitted_at < ?4"
                        + " and status not in ('REJECTED', 'WITHDRAWN')")
                .setParameter(1, claim.sellerCreditCode)
                .setParameter(2, claim.model)
                .setParameter(3, claim.id)
                .setParameter(4, claim.submittedAt)
                .getSingleResult();
        long count = ((Number) history[0]).longValue();
        long average = Math.round(((Number) history[1]).doubleValue());
        if (count >= PRICE_HISTORY_MIN && claim.priceFen * 10_000 > average * PRICE_ANOMALY_BP) {
            return CheckResult.flagged(
                    "PRICE_ANOMALY",
                    "price " + claim.priceFen + " fen is more than 20 % above the seller's average " + average
                            + " fen over " + count + " earlier sale(s) of model " + claim.model);
        }
        return CheckResult.passed(
                "PRICE_ANOMALY", "seller's average " + average + " fen over " + count + " earlier sale(s)");
    }

    private CheckResult addressConcentration(Claim claim) {
        long deliveries = ((Number) em.createNativeQuery("select count(*) from claim where delivery_address_hash = ?1"
                                + " and status not in ('REJECTED', 'WITHDRAWN')")
                        .setParameter(1, claim.deliveryAddressHash)
                        .getSingleResult())
                .longValue();
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
