package cn.gov.lvliang.renewal.bench.scale;

import cn.gov.lvliang.renewal.platform.identifiers.Vin;
import cn.gov.lvliang.renewal.platform.pii.Masking;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Trade-in claims (申请) of tradein-subsidy-service, pure Java: claim {@code i} of a seed is always
 * the same claim, with its checks, transitions, budget entries and events, consistent with one
 * another and with the programmes and rule versions the service seeds (V2 migration).
 *
 * <p>Mix, by {@code i mod 50}: 0–2 car scrappage (6 %), 3–4 car replacement (4 %), 5–14 digital
 * products (20 %), 15–49 home appliances (70 %). Claims {@code 2p} and {@code 2p + 1} belong to
 * person {@code p} (so a person files two claims, of different programmes or product categories,
 * within every per-person limit). Scrappage claim number {@code k} (the k-th scrappage claim)
 * names scrap certificate {@code k}, issued to the same person for the same VIN.
 */
public final class Claims {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The last purchase date generated: the rule versions the migration seeds end on this day. */
    static final LocalDate LAST_PURCHASE = LocalDate.of(2025, 12, 31);

    /** Funding shares of every seeded programme (basis points): central, provincial, city, county. */
    static final int[] SHARES_BP = {9000, 500, 250, 250};

    static final List<String> FUNDING_SOURCES = List.of("CENTRAL", "PROVINCIAL", "CITY", "COUNTY");

    private static final List<String> APPLIANCES = List.of(
            "REFRIGERATOR",
            "WASHING_MACHINE",
            "TELEVISION",
            "AIR_CONDITIONER",
            "COMPUTER",
            "WATER_HEATER",
            "HOUSEHOLD_STOVE",
            "RANGE_HOOD");
    private static final List<String> DIGITAL = List.of("MOBILE_PHONE", "TABLET", "SMART_WATCH");
    /** Sellers (销售企业) the claims name: 400 shops and dealers. */
    static final int SELLERS = 400;

    private static final String VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

    /** One programme's seeded facts. */
    record Programme(String id, String category, LocalDate start) {}

    static final Programme SCRAPPAGE = new Programme("CAR-SCRAPPAGE", "CAR_SCRAPPAGE", LocalDate.of(2024, 4, 24));
    static final Programme REPLACEMENT = new Programme("CAR-REPLACEMENT", "CAR_REPLACEMENT", LocalDate.of(2025, 1, 1));
    static final Programme APPLIANCE = new Programme("HOME-APPLIANCE", "HOME_APPLIANCE", LocalDate.of(2024, 8, 1));
    static final Programme DIGITAL_PRODUCT =
            new Programme("DIGITAL-PRODUCT", "DIGITAL_PRODUCT", LocalDate.of(2025, 1, 20));

    static final List<Programme> PROGRAMMES = List.of(SCRAPPAGE, REPLACEMENT, APPLIANCE, DIGITAL_PRODUCT);

    /** One row of {@code claim_check}. */
    record Check(String code, String outcome, String evidence) {}

    /** One row of {@code claim_transition}. */
    record Transition(String from, String to, String actor, String reasonCode, String note, Instant at) {}

    /** One budget journal entry of the claim, on the account of one funding source. */
    record Entry(String type, int source, long amountFen, Instant at) {}

    /** One claim with everything the service would have written for it. */
    public record Claim(
            long index,
            UUID id,
            Programme programme,
            int ruleVersion,
            String county,
            long person,
            String sellerCreditCode,
            String submittedBy,
            String reviewer,
            LocalDate purchaseDate,
            String productCategory,
            String model,
            String serialNumber,
            String invoiceNumber,
            long priceFen,
            Integer efficiencyGrade,
            Long certificate,
            String oldVin,
            String newVin,
            String newCarPowerType,
            Integer newCarDisplacementMl,
            long amountFen,
            String computation,
            String status,
            String reasonCode,
            String reasonNote,
            Instant submittedAt,
            Instant reviewedAt,
            Instant approvedAt,
            Instant paidAt,
            List<Check> checks,
            List<Transition> transitions,
            List<Entry> entries) {

        boolean live() {
            return !status.equals("REJECTED") && !status.equals("WITHDRAWN");
        }

        boolean car() {
            return newVin != null;
        }

        String idNumber() {
            return People.residentId(person);
        }

        public String applicantIdMasked() {
            return Masking.idNumber(idNumber());
        }

        /** The things the claim holds in {@code claim_unique_use} while it is live (kind, value). */
        List<String[]> uniqueUses() {
            List<String[]> uses = new ArrayList<>();
            if (!live()) {
                return uses;
            }
            uses.add(new String[] {"INVOICE", invoiceNumber});
            if (car()) {
                uses.add(new String[] {"NEW_VIN", newVin});
                if (certificate != null) {
                    uses.add(new String[] {"CERTIFICATE", Certificates.number(certificate)});
                }
            } else {
                uses.add(new String[] {"SERIAL", serialNumber});
            }
            return uses;
        }
    }

    private Claims() {}

    static Programme programmeOf(long i) {
        int slot = (int) (i % 50);
        if (slot < 3) {
            return SCRAPPAGE;
        }
        if (slot < 5) {
            return REPLACEMENT;
        }
        return slot < 15 ? DIGITAL_PRODUCT : APPLIANCE;
    }

    /** The scrappage claim that names certificate {@code k}. */
    static long claimOfCertificate(long k) {
        return (k / 3) * 50 + k % 3;
    }

    /** The certificate a scrappage claim names. */
    static long certificateOfClaim(long i) {
        return (i / 50) * 3 + i % 50;
    }

    /** The person who files claim {@code i}. */
    static long personOf(long i) {
        return i / 2;
    }

    /** The rule version in force for a purchase: the highest version covering the date (RuleBook). */
    static int ruleVersion(Programme programme, LocalDate purchase) {
        return switch (programme.id()) {
            case "CAR-SCRAPPAGE" -> purchase.getYear() == 2024 ? 2 : 3;
            case "HOME-APPLIANCE" -> purchase.getYear() == 2024 ? 1 : 2;
            default -> 1;
        };
    }

    public static Claim claim(long seed, long i) {
        SplittableRandom r = Seeds.random(seed, i, Seeds.CLAIM);
        Programme programme = programmeOf(i);
        long person = personOf(i);
        String county = People.county(person);
        LocalDate purchase = purchaseDate(programme, r);
        int version = ruleVersion(programme, purchase);
        String seller = Units.creditCode(900_000 + r.nextInt(SELLERS));
        String model = null;
        String serial = null;
        String invoice = String.format("%08d%08d", 14_000_000 + i / 100_000_000L, i % 100_000_000L);
        String productCategory = null;
        Integer grade = null;
        Long certificate = null;
        String oldVin = null;
        String newVin = null;
        String power = null;
        Integer displacement = null;
        long price;
        long amount;
        String formula;
        if (programme == APPLIANCE || programme == DIGITAL_PRODUCT) {
            boolean appliance = programme == APPLIANCE;
            List<String> categories = appliance ? APPLIANCES : DIGITAL;
            productCategory = categories.get((int) ((person * 3 + i % 2) % categories.size()));
            model = productCategory.substring(0, 3) + "-" + (100 + r.nextInt(40));
            serial = "SN"
                    + Long.toString(Seeds.mix(seed, i, Seeds.CLAIM_ID) & 0xFFFFFFFFFFL, 36)
                            .toUpperCase() + i;
            grade = appliance ? 1 + r.nextInt(2) : null;
            price = appliance ? 150_000 + 1_000L * r.nextInt(1_050) : 100_000 + 1_000L * r.nextInt(500);
            int rateBp = 1_500 + (grade != null && grade == 1 ? 500 : 0);
            long cap = appliance ? 200_000 : 50_000;
            amount = Math.min(cap, price * rateBp / 10_000);
            formula = price + " fen × " + rateBp / 100 + " %" + (amount == cap ? ", capped at " + cap + " fen" : "")
                    + " = " + amount + " fen";
        } else {
            if (programme == SCRAPPAGE) {
                certificate = certificateOfClaim(i);
                oldVin = Certificates.vin(seed, certificate);
            }
            newVin = vin(Seeds.random(seed, i, Seeds.CLAIM_ID), "LFV");
            boolean nev = r.nextInt(100) < 55;
            power = nev ? "NEV" : "FUEL";
            displacement = nev ? null : 1_200 + 100 * r.nextInt(9);
            price = 8_000_000 + 10_000L * r.nextInt(2_000);
            amount = carAmount(programme, version, nev);
            formula = "fixed for a new " + power + " car: " + amount + " fen";
        }
        Instant submitted = purchase.atTime(LocalTime.of(9, 0))
                .atZone(CHINA)
                .toInstant()
                .plus(Duration.ofDays(r.nextInt(9)))
                .plusSeconds(r.nextInt(8 * 3600))
                .plusNanos(1_000L * r.nextInt(1_000_000));
        String status = status(programme, r.nextInt(1000));
        String submitter = "clerk-" + county + "-" + (1 + r.nextInt(3));
        String reviewer = "reviewer-" + county + "-" + (1 + r.nextInt(2));
        Instant reviewed = submitted.plus(Duration.ofHours(24 + r.nextInt(14 * 24)));
        Instant paid = reviewed.plus(Duration.ofHours(72 + r.nextInt(25 * 24)));
        List<Transition> transitions = new ArrayList<>();
        transitions.add(new Transition(null, "SUBMITTED", submitter, null, null, submitted));
        Instant verifying = submitted.plus(20, ChronoUnit.MILLIS);
        transitions.add(new Transition("SUBMITTED", "VERIFYING", "system", null, null, verifying));
        transitions.add(new Transition("VERIFYING", "PENDING_REVIEW", "system", null, null, verifying));
        String reason = null;
        String note = null;
        switch (status) {
            case "APPROVED", "PAID" -> {
                transitions.add(new Transition("PENDING_REVIEW", "APPROVED", reviewer, null, null, reviewed));
                if (status.equals("PAID")) {
                    transitions.add(new Transition("APPROVED", "PAID", "treasury", null, null, paid));
                }
            }
            case "QUEUED" ->
                transitions.add(
                        new Transition("PENDING_REVIEW", "QUEUED", reviewer, "BUDGET_EXHAUSTED", null, reviewed));
            case "RETURNED" -> {
                reason = "DATA_INCORRECT";
                note = "发票抬头与申请人不符，请补正";
                transitions.add(new Transition("PENDING_REVIEW", "RETURNED", reviewer, reason, note, reviewed));
            }
            case "REJECTED" -> {
                reason = r.nextInt(4) == 0 ? "SUSPECTED_FRAUD" : "EVIDENCE_INSUFFICIENT";
                note = "材料不足或存疑";
                transitions.add(new Transition("PENDING_REVIEW", "REJECTED", reviewer, reason, note, reviewed));
            }
            case "WITHDRAWN" ->
                transitions.add(new Transition("PENDING_REVIEW", "WITHDRAWN", submitter, null, null, reviewed));
            default -> {
                // PENDING_REVIEW: waiting for a reviewer
            }
        }
        List<Entry> entries = new ArrayList<>();
        if (status.equals("APPROVED") || status.equals("PAID")) {
            long[] parts = split(amount);
            for (int s = 0; s < parts.length; s++) {
                if (parts[s] > 0) {
                    entries.add(new Entry("RESERVE", s, parts[s], reviewed));
                }
            }
            if (status.equals("PAID")) {
                for (int s = 0; s < parts.length; s++) {
                    if (parts[s] > 0) {
                        entries.add(new Entry("POST", s, parts[s], paid));
                    }
                }
            }
        }
        boolean reviewedState = !status.equals("PENDING_REVIEW");
        return new Claim(
                i,
                Seeds.uuid(seed, i, Seeds.CLAIM_ID),
                programme,
                version,
                county,
                person,
                seller,
                submitter,
                reviewedState && !status.equals("WITHDRAWN") ? reviewer : null,
                purchase,
                productCategory,
                model,
                serial,
                invoice,
                price,
                grade,
                certificate,
                oldVin,
                newVin,
                power,
                displacement,
                amount,
                "rule v" + version + ": " + formula,
                status,
                reason,
                note,
                submitted,
                reviewedState && !status.equals("WITHDRAWN") ? reviewed : null,
                status.equals("APPROVED") || status.equals("PAID") ? reviewed : null,
                status.equals("PAID") ? paid : null,
                checks(seed, programme, version, i, person, submitted, invoice, serial, newVin, certificate, formula),
                transitions,
                entries);
    }

    /** Status shares, per mille: paid 560, approved 120, pending review 120, queued 15 (not for a refusing programme), returned 30, rejected 115, withdrawn 40. */
    static String status(Programme programme, int perMille) {
        if (perMille < 560) {
            return "PAID";
        }
        if (perMille < 680) {
            return "APPROVED";
        }
        if (perMille < 800) {
            return "PENDING_REVIEW";
        }
        if (perMille < 815) {
            return programme == DIGITAL_PRODUCT ? "PENDING_REVIEW" : "QUEUED";
        }
        if (perMille < 845) {
            return "RETURNED";
        }
        return perMille < 960 ? "REJECTED" : "WITHDRAWN";
    }

    private static LocalDate purchaseDate(Programme programme, SplittableRandom r) {
        long days = ChronoUnit.DAYS.between(programme.start(), LAST_PURCHASE) + 1;
        return programme.start().plusDays(r.nextLong(days));
    }

    /** The fixed car amounts of the seeded rule versions (fen): NEV / fuel. */
    static long carAmount(Programme programme, int version, boolean nev) {
        if (programme == REPLACEMENT) {
            return nev ? 1_500_000 : 1_300_000;
        }
        if (version == 1) {
            return nev ? 1_000_000 : 700_000;
        }
        return nev ? 2_000_000 : 1_500_000;
    }

    /** The checks the service runs for the programme (ClaimVerifier), all passed or manual. */
    private static List<Check> checks(
            long seed,
            Programme programme,
            int version,
            long i,
            long person,
            Instant submitted,
            String invoice,
            String serial,
            String newVin,
            Long certificate,
            String formula) {
        List<Check> checks = new ArrayList<>();
        LocalDate filed = LocalDate.ofInstant(submitted, CHINA);
        checks.add(new Check("ELIGIBILITY", "PASSED", formula));
        checks.add(new Check(
                "APPLICATION_DEADLINE",
                "PASSED",
                "filed " + filed + (programme == SCRAPPAGE && version == 2 ? ", deadline 2025-01-10" : "")));
        if (programme == APPLIANCE || programme == DIGITAL_PRODUCT) {
            checks.add(new Check("INVOICE_UNUSED", "PASSED", "invoice " + invoice + " used by this claim only"));
            checks.add(new Check("SERIAL_UNUSED", "PASSED", "serial " + serial + " used by this claim only"));
            checks.add(new Check("PER_PERSON_LIMIT", "PASSED", "0 earlier claim(s), limit 1"));
            checks.add(new Check("PRICE_ANOMALY", "PASSED", "seller's average within 20 %"));
            checks.add(new Check("ADDRESS_CONCENTRATION", "PASSED", "1 subsidised deliveries to this address"));
            return checks;
        }
        checks.add(new Check("NEW_VIN_UNUSED", "PASSED", "new_vin " + newVin + " used by this claim only"));
        checks.add(new Check("INVOICE_UNUSED", "PASSED", "invoice " + invoice + " used by this claim only"));
        if (programme == SCRAPPAGE) {
            String number = Certificates.number(certificate);
            checks.add(new Check("CERTIFICATE_UNUSED", "PASSED", "certificate " + number + " used by this claim only"));
            checks.add(new Check("CERTIFICATE_EXISTS", "PASSED", "certificate " + number + " v1"));
            checks.add(new Check("CERTIFICATE_VALID", "PASSED", "certificate status VALID"));
            checks.add(new Check("VIN_MATCH", "PASSED", "old VIN matches the certificate"));
            checks.add(new Check("OWNER_MATCH", "PASSED", "applicant's keyed ID hash equals the certificate owner's"));
            checks.add(new Check(
                    "REGISTRATION_CUTOFF",
                    "PASSED",
                    Certificates.powerType(seed, certificate) + " car first registered "
                            + Certificates.firstRegistration(seed, certificate)));
        } else {
            checks.add(new Check("REPLACEMENTS_PER_YEAR", "PASSED", "0 earlier replacement claim(s), limit 1"));
        }
        if (version >= 3 || programme == REPLACEMENT) {
            checks.add(new Check("OWNED_BEFORE", "MANUAL", "the reviewer checks the registration certificate"));
        }
        return checks;
    }

    /** Largest-remainder split by {@link #SHARES_BP}: the parts add up to the amount (budget.Shares). */
    static long[] split(long amountFen) {
        long[] parts = new long[SHARES_BP.length];
        long[] remainders = new long[SHARES_BP.length];
        long assigned = 0;
        for (int s = 0; s < parts.length; s++) {
            parts[s] = amountFen * SHARES_BP[s] / 10_000;
            remainders[s] = amountFen * SHARES_BP[s] % 10_000;
            assigned += parts[s];
        }
        for (long left = amountFen - assigned; left > 0; left--) {
            int best = 0;
            for (int s = 1; s < parts.length; s++) {
                if (remainders[s] > remainders[best]) {
                    best = s;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }

    /** A valid VIN (GB 16735 check digit) with the given manufacturer prefix. */
    static String vin(SplittableRandom r, String prefix) {
        StringBuilder body = new StringBuilder(prefix);
        while (body.length() < 17) {
            body.append(VIN_CHARS.charAt(r.nextInt(VIN_CHARS.length())));
        }
        body.setCharAt(8, '0');
        body.setCharAt(8, Vin.checkDigit(body.toString()));
        return body.toString();
    }
}
