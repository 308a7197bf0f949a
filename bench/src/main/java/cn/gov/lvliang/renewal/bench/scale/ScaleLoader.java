package cn.gov.lvliang.renewal.bench.scale;

import cn.gov.lvliang.renewal.platform.audit.AuditChain;
import cn.gov.lvliang.renewal.platform.pii.AesGcm;
import cn.gov.lvliang.renewal.platform.pii.KeyedHash;
import cn.gov.lvliang.renewal.platform.pii.Masking;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads the generated data into the services' own databases with {@code COPY}, one load round at a
 * time: round {@code [from, to)} adds claims {@code from … to-1} and everything derived from them by
 * {@link #RATIOS}. Rows that depend on identity values the database assigns (scrap certificate
 * revisions) are derived with one {@code INSERT … SELECT}; budget accounts, 208 rows, are upserted.
 * Each table's rows go in one COPY (one transaction), tables that reference others after them.
 */
public final class ScaleLoader {

    /** The stated ratios of every kind of row to the scale factor (the number of claims). */
    public static final String RATIOS = "claims = scale; equipment records = scale; project units = scale / 100"
            + " (at least 13); scrap certificates (recycling-service and the subsidy read model) = scale / 10;"
            + " statistics events = 2 × scale; audit records (tradein-subsidy-service) = scale";

    static final String SUBSIDY = "subsidy";
    static final String EQUIPMENT = "equipment";
    static final String RECYCLING = "recycling";
    static final String TASKS = "tasks";

    /** The key material the services use (devstack's dev keys): base64, as the services get it. */
    public record Keys(String hashKey, String subsidyEncryptionKey, String recyclingEncryptionKey) {}

    /** What one table received in one round. */
    public record Loaded(String database, String table, long rows, double seconds) {}

    private final Function<String, String> jdbcUrl;
    private final long seed;
    private final KeyedHash hash;
    private final AesGcm subsidyCipher;
    private final AesGcm recyclingCipher;
    private final List<Loaded> loaded = new ArrayList<>();

    public ScaleLoader(Function<String, String> jdbcUrl, Keys keys, long seed) {
        this.jdbcUrl = jdbcUrl;
        this.seed = seed;
        this.hash = new KeyedHash(Base64.getDecoder().decode(keys.hashKey()));
        this.subsidyCipher = new AesGcm(Base64.getDecoder().decode(keys.subsidyEncryptionKey()));
        this.recyclingCipher = new AesGcm(Base64.getDecoder().decode(keys.recyclingEncryptionKey()));
    }

    public static long certificates(long claims) {
        return claims / 10;
    }

    public static long statisticsEvents(long claims) {
        return 2 * claims;
    }

    /**
     * How much of the data a round loads. {@link #CLAIMS_ONLY} is for scales whose derived data would not
     * fit the disk (10⁷ claims with everything derived is about 95 GB): the claims with their checks,
     * transitions and uniqueness keys — what filing, reading and listing claims and the claims' monthly
     * totals read — and no equipment, certificates, statistics events, budget journal, outbox or audit
     * records. The budget accounts do not move either, so the reconciliation still agrees (nothing was
     * journalled) and filing still finds budget.
     */
    public enum Extent {
        EVERYTHING,
        CLAIMS_ONLY
    }

    /** Loads the round that takes the data from {@code from} claims to {@code to}; returns what each table got. */
    public List<Loaded> load(long from, long to) {
        return load(from, to, Extent.EVERYTHING);
    }

    /** Loads the round from {@code from} claims to {@code to} to the given extent; returns what each table got. */
    public List<Loaded> load(long from, long to, Extent extent) {
        loaded.clear();
        try {
            if (extent == Extent.CLAIMS_ONLY) {
                claimRows(from, to);
                return List.copyOf(loaded);
            }
            long unitsFrom = from == 0 ? 0 : Units.unitsFor(from);
            equipment(unitsFrom, Units.unitsFor(to), from, to);
            recycling(certificates(from), certificates(to));
            subsidyCertificates(certificates(from), certificates(to));
            claimRows(from, to);
            budget(from, to);
            copy(SUBSIDY, "outbox_event", OUTBOX_COLUMNS, sink -> {
                for (long i = from; i < to; i++) {
                    claimEvents(sink, Claims.claim(seed, i));
                }
            });
            audit(from, to);
            statistics(statisticsEvents(from), statisticsEvents(to));
        } catch (SQLException e) {
            throw new IllegalStateException("scale load " + from + " → " + to + " failed: " + e.getMessage(), e);
        }
        return List.copyOf(loaded);
    }

    private Connection connect(String database) throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl.apply(database), "postgres", "postgres");
        c.setAutoCommit(false);
        return c;
    }

    /** One COPY into one table, timed, in its own transaction. */
    private interface Rows {
        void write(CopySink sink) throws SQLException;
    }

    private void copy(String database, String table, String columns, Rows rows) throws SQLException {
        Instant start = Instant.now();
        long count;
        try (Connection c = connect(database)) {
            try (CopySink sink = new CopySink(c, table, columns)) {
                rows.write(sink);
                count = sink.rows();
            }
            c.commit();
        }
        loaded.add(new Loaded(database, table, count, seconds(start)));
    }

    private static double seconds(Instant start) {
        return Duration.between(start, Instant.now()).toNanos() / 1e9;
    }

    private void equipment(long unitsFrom, long unitsTo, long from, long to) throws SQLException {
        Instant now = Instant.now();
        copy(
                EQUIPMENT,
                "project_unit",
                "credit_code, name, county, sector_code, unit_type, created_at, updated_at",
                sink -> {
                    for (long u = unitsFrom; u < unitsTo; u++) {
                        Units.Unit unit = Units.unit(seed, u);
                        sink.row(unit.creditCode(), unit.name(), unit.county(), unit.sector(), unit.type(), now, now);
                    }
                });
        Map<String, Long> ids = new HashMap<>();
        try (Connection c = connect(EQUIPMENT);
                PreparedStatement s =
                        c.prepareStatement("select id, credit_code from project_unit where credit_code = any(?)")) {
            List<String> codes = new ArrayList<>();
            for (long u = from / Units.EQUIPMENT_PER_UNIT; u < Units.unitsFor(to); u++) {
                codes.add(Units.unit(seed, u).creditCode());
            }
            s.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        copy(
                EQUIPMENT,
                "equipment",
                "unit_id, unit_credit_code, county, sector_code, asset_tag, name, model, category, quantity,"
                        + " commissioned_on, design_life_years, efficiency_grade, efficiency_tier, emission_grade,"
                        + " original_value_fen, location, status, renewal_investment_fen, renewal_planned_year,"
                        + " retired_on, disposal, created_at, updated_at",
                sink -> {
                    for (long e = from; e < to; e++) {
                        Units.Equipment q = Units.equipment(seed, e);
                        Units.Unit unit = Units.unit(seed, q.unit());
                        sink.row(
                                ids.get(unit.creditCode()),
                                unit.creditCode(),
                                unit.county(),
                                unit.sector(),
                                q.assetTag(),
                                q.name(),
                                q.model(),
                                q.category(),
                                1,
                                q.commissioned(),
                                q.designLife(),
                                q.efficiencyGrade(),
                                q.efficiencyTier(),
                                q.emissionGrade(),
                                q.originalValueFen(),
                                q.location(),
                                q.status(),
                                q.renewalInvestmentFen(),
                                q.renewalPlannedYear(),
                                q.retiredOn(),
                                q.disposal(),
                                q.createdAt(),
                                q.createdAt());
                    }
                });
    }

    private void recycling(long from, long to) throws SQLException {
        long before;
        try (Connection c = connect(RECYCLING);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from scrap_certificate")) {
            rs.next();
            before = rs.getLong(1);
        }
        copy(
                RECYCLING,
                "scrap_certificate",
                "certificate_number, dismantler_credit_code, county, vin, owner_name_encrypted, owner_id_encrypted,"
                        + " owner_id_hash, plate, first_registration_date, handover_date, power_type, status, issued_at,"
                        + " issued_by, owner_phone_encrypted, owner_address_encrypted, vehicle_type, vehicle_use,"
                        + " make_and_model, kerb_weight_kg, engine_number, revision",
                sink -> {
                    for (long k = from; k < to; k++) {
                        Certificates.Certificate c = Certificates.certificate(seed, k);
                        long p = c.owner();
                        sink.row(
                                c.number(),
                                c.dismantler(),
                                c.county(),
                                c.vin(),
                                recyclingCipher.encrypt(People.name(p), "scrap_certificate.owner_name"),
                                recyclingCipher.encrypt(People.residentId(p), "scrap_certificate.owner_id"),
                                hash.hash(People.residentId(p)),
                                c.plate(),
                                c.firstRegistration(),
                                c.handover(),
                                c.powerType(),
                                "ISSUED",
                                Certificates.issuedAt(c),
                                "dismantler-" + c.dismantler(),
                                recyclingCipher.encrypt(People.phone(p), "scrap_certificate.owner_phone"),
                                recyclingCipher.encrypt(People.address(p), "scrap_certificate.owner_address"),
                                "小型普通客车",
                                "非营运",
                                c.makeAndModel(),
                                c.kerbWeightKg(),
                                c.engineNumber(),
                                1);
                    }
                });
        Instant start = Instant.now();
        try (Connection c = connect(RECYCLING);
                PreparedStatement s = c.prepareStatement(
                        "insert into scrap_certificate_revision (certificate_id,"
                                + " revision, county, vin, owner_name_encrypted, owner_id_encrypted, owner_id_hash,"
                                + " owner_phone_encrypted, owner_address_encrypted, plate, first_registration_date,"
                                + " handover_date, power_type, vehicle_type, vehicle_use, make_and_model, kerb_weight_kg,"
                                + " engine_number, reason, recorded_at, recorded_by) select id, 1, county, vin,"
                                + " owner_name_encrypted, owner_id_encrypted, owner_id_hash, owner_phone_encrypted,"
                                + " owner_address_encrypted, plate, first_registration_date, handover_date, power_type,"
                                + " vehicle_type, vehicle_use, make_and_model, kerb_weight_kg, engine_number, 'issued',"
                                + " issued_at, issued_by from scrap_certificate where id > ? and certificate_number like 'LL-SC-%'")) {
            s.setLong(1, before);
            int rows = s.executeUpdate();
            c.commit();
            loaded.add(new Loaded(RECYCLING, "scrap_certificate_revision", rows, seconds(start)));
        }
        copy(RECYCLING, "outbox_event", OUTBOX_COLUMNS, sink -> {
            for (long k = from; k < to; k++) {
                Certificates.Certificate c = Certificates.certificate(seed, k);
                Instant at = Certificates.issuedAt(c);
                outbox(
                        sink,
                        certificateEvent(k),
                        "recycling.events",
                        c.number(),
                        RECYCLED_TYPE,
                        "{\"certificateNumber\":\"" + c.number() + "\",\"county\":\"" + c.county() + "\"}",
                        at);
            }
        });
    }

    private static final String RECYCLED_TYPE = "cn.gov.lvliang.recycling.vehicle.scrapped.v1";
    private static final String OUTBOX_COLUMNS =
            "event_id, topic, aggregate_id, type, envelope, created_at, sent_at, attempts";

    private java.util.UUID certificateEvent(long k) {
        return Seeds.uuid(seed, k, Seeds.CERTIFICATE);
    }

    /** One sent outbox row with a CloudEvents envelope. */
    private static void outbox(
            CopySink sink, java.util.UUID id, String topic, String aggregate, String type, String data, Instant at)
            throws SQLException {
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/lvliang/" + topic
                + "\",\"type\":\"" + type + "\",\"subject\":\"" + aggregate + "\",\"time\":\"" + at
                + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
        sink.row(id, topic, aggregate, type, envelope, at, at.plusMillis(40), 1);
    }

    private void subsidyCertificates(long from, long to) throws SQLException {
        copy(
                SUBSIDY,
                "scrap_certificate",
                "certificate_number, dismantler_credit_code, county, vin, owner_id_hash, owner_id_masked,"
                        + " owner_name_masked, first_registration_date, handover_date, power_type, status,"
                        + " source_event_id, recorded_at, certificate_version",
                sink -> {
                    for (long k = from; k < to; k++) {
                        Certificates.Certificate c = Certificates.certificate(seed, k);
                        long p = c.owner();
                        sink.row(
                                c.number(),
                                c.dismantler(),
                                c.county(),
                                c.vin(),
                                hash.hash(People.residentId(p)),
                                Masking.idNumber(People.residentId(p)),
                                Masking.name(People.name(p)),
                                c.firstRegistration(),
                                c.handover(),
                                c.powerType(),
                                "VALID",
                                certificateEvent(k).toString(),
                                Certificates.issuedAt(c).plusMillis(120),
                                1);
                    }
                });
        copy(SUBSIDY, "inbox_event", "consumer, event_id, type, processed_at", sink -> {
            for (long k = from; k < to; k++) {
                sink.row(
                        "scrap-certificate-read-model",
                        certificateEvent(k).toString(),
                        RECYCLED_TYPE,
                        Certificates.issuedAt(Certificates.certificate(seed, k)).plusMillis(120));
            }
        });
    }

    /**
     * Claims per COPY at most: a statement's transition table (the claims' statement-level triggers,
     * V24) and a transaction's work stay bounded however large the round.
     */
    static final long CLAIMS_PER_COPY = 1_000_000;

    /** The claims and the rows only they own (checks, transitions, uniqueness keys), a million at a time. */
    private void claimRows(long from, long to) throws SQLException {
        for (long chunk = from; chunk < to; chunk += CLAIMS_PER_COPY) {
            claimChunk(chunk, Math.min(to, chunk + CLAIMS_PER_COPY));
        }
    }

    private void claimChunk(long from, long to) throws SQLException {
        copy(SUBSIDY, "claim", CLAIM_COLUMNS, sink -> {
            for (long i = from; i < to; i++) {
                claimRow(sink, Claims.claim(seed, i));
            }
        });
        copy(SUBSIDY, "claim_check", "claim_id, run, code, outcome, evidence, checked_at", sink -> {
            for (long i = from; i < to; i++) {
                Claims.Claim claim = Claims.claim(seed, i);
                Instant at = claim.submittedAt().plusMillis(20);
                for (Claims.Check check : claim.checks()) {
                    sink.row(claim.id(), 1, check.code(), check.outcome(), check.evidence(), at);
                }
            }
        });
        copy(SUBSIDY, "claim_transition", "claim_id, from_status, to_status, actor, reason_code, note, at", sink -> {
            for (long i = from; i < to; i++) {
                Claims.Claim claim = Claims.claim(seed, i);
                for (Claims.Transition t : claim.transitions()) {
                    sink.row(claim.id(), t.from(), t.to(), t.actor(), t.reasonCode(), t.note(), t.at());
                }
            }
        });
        copy(SUBSIDY, "claim_unique_use", "kind, value, claim_id, used_at", sink -> {
            for (long i = from; i < to; i++) {
                Claims.Claim claim = Claims.claim(seed, i);
                for (String[] use : claim.uniqueUses()) {
                    sink.row(use[0], use[1], claim.id(), claim.submittedAt());
                }
            }
        });
    }

    /**
     * The domain prefixes of the claim's keyed hashes of the phone and the bank account, as
     * tradein-subsidy-service's {@code ApplicantData} writes them: the shared-contact checks look
     * claims up by these hashes, and a claim loaded without them would be one those checks never
     * meet (and one the service's start-up backfill would hash again).
     */
    static final String PHONE_HASH_PREFIX = "subsidy-phone:";

    static final String BANK_ACCOUNT_HASH_PREFIX = "subsidy-bank-account:";

    static final String CLAIM_COLUMNS = "id, programme_id, category, rule_version_id, rule_version, county,"
            + " seller_credit_code, filed_by_role, submitted_by, applicant_id_hash, applicant_id_encrypted,"
            + " applicant_id_masked, applicant_name_encrypted, applicant_name_masked, applicant_phone_encrypted,"
            + " applicant_phone_hash, bank_account_encrypted, bank_account_hash, bank_account_masked, delivery_address_hash, delivery_address_encrypted,"
            + " claimant_pseudonym, purchase_date, product_category, model, serial_number, invoice_number,"
            + " price_fen, efficiency_grade, scrap_certificate_number, old_vin, new_vin, new_car_power_type,"
            + " new_car_displacement_ml, amount_fen, computation, status, reason_code, reason_note, flags,"
            + " submitted_at, accepted_at, reviewed_by, reviewed_at, approved_at, paid_at, accept_due, review_due,"
            + " pay_due, paid_amount_fen, collection_required";

    private Map<String, Long> ruleVersionIds;

    private long ruleVersionId(String programme, int version) throws SQLException {
        if (ruleVersionIds == null) {
            ruleVersionIds = new HashMap<>();
            try (Connection c = connect(SUBSIDY);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select programme_id, version, id from rule_version")) {
                while (rs.next()) {
                    ruleVersionIds.put(rs.getString(1) + "/" + rs.getInt(2), rs.getLong(3));
                }
            }
        }
        Long id = ruleVersionIds.get(programme + "/" + version);
        if (id == null) {
            throw new IllegalStateException("no rule version " + programme + " v" + version + " in the database");
        }
        return id;
    }

    private void claimRow(CopySink sink, Claims.Claim c) throws SQLException {
        long p = c.person();
        String idNumber = c.idNumber();
        String address = c.car() ? null : People.address(p) + "-" + c.index();
        Instant submitted = c.submittedAt();
        Instant accepted = submitted.plusMillis(20);
        sink.row(
                c.id(),
                c.programme().id(),
                c.programme().category(),
                ruleVersionId(c.programme().id(), c.ruleVersion()),
                c.ruleVersion(),
                c.county(),
                c.sellerCreditCode(),
                "county-officer",
                c.submittedBy(),
                hash.hash(idNumber),
                subsidyCipher.encrypt(idNumber, "claim.applicant_id"),
                Masking.idNumber(idNumber),
                subsidyCipher.encrypt(People.name(p), "claim.applicant_name"),
                Masking.name(People.name(p)),
                subsidyCipher.encrypt(People.phone(p), "claim.applicant_phone"),
                hash.hash(PHONE_HASH_PREFIX + People.phone(p)),
                subsidyCipher.encrypt(People.bankAccount(p), "claim.bank_account"),
                hash.hash(BANK_ACCOUNT_HASH_PREFIX + People.bankAccount(p)),
                Masking.phone(People.bankAccount(p)),
                address == null ? null : hash.hash(address),
                address == null ? null : subsidyCipher.encrypt(address, "claim.delivery_address"),
                hash.hash("subsidy-claimant:" + idNumber),
                c.purchaseDate(),
                c.productCategory(),
                c.model(),
                c.serialNumber(),
                c.invoiceNumber(),
                c.priceFen(),
                c.efficiencyGrade(),
                c.certificate() == null ? null : Certificates.number(c.certificate()),
                c.oldVin(),
                c.newVin(),
                c.newCarPowerType(),
                c.newCarDisplacementMl(),
                c.amountFen(),
                c.computation(),
                c.status(),
                c.reasonCode(),
                c.reasonNote(),
                new String[0],
                submitted,
                accepted,
                c.reviewer(),
                c.reviewedAt(),
                c.approvedAt(),
                c.paidAt(),
                submitted.plus(3, ChronoUnit.DAYS),
                accepted.plus(15, ChronoUnit.DAYS),
                c.approvedAt() == null ? null : c.approvedAt().plus(30, ChronoUnit.DAYS),
                c.paidAt() == null ? 0 : c.amountFen(),
                false);
    }

    private void claimEvents(CopySink sink, Claims.Claim c) throws SQLException {
        String data = "{\"claimId\":\"" + c.id() + "\",\"programmeId\":\""
                + c.programme().id() + "\",\"county\":\"" + c.county() + "\",\"amountFen\":" + c.amountFen() + "}";
        String prefix = "cn.gov.lvliang.subsidy.claim.";
        String aggregate = c.id().toString();
        outbox(
                sink,
                Seeds.uuid(seed, c.index(), 101),
                "subsidy.events",
                aggregate,
                prefix + "submitted.v1",
                data,
                c.submittedAt());
        outbox(
                sink,
                Seeds.uuid(seed, c.index(), 102),
                "subsidy.events",
                aggregate,
                prefix + "verified.v1",
                data,
                c.submittedAt().plusMillis(20));
        if (c.approvedAt() != null) {
            outbox(
                    sink,
                    Seeds.uuid(seed, c.index(), 103),
                    "subsidy.events",
                    aggregate,
                    prefix + "approved.v1",
                    data,
                    c.approvedAt());
        }
        if (c.paidAt() != null) {
            outbox(
                    sink,
                    Seeds.uuid(seed, c.index(), 104),
                    "subsidy.events",
                    aggregate,
                    prefix + "paid.v1",
                    data,
                    c.paidAt());
        }
        if (c.status().equals("REJECTED")) {
            outbox(
                    sink,
                    Seeds.uuid(seed, c.index(), 105),
                    "subsidy.events",
                    aggregate,
                    prefix + "rejected.v1",
                    data,
                    c.reviewedAt());
        }
    }

    /**
     * The budget journal of the round's claims, and the accounts moved by the same amounts. Every
     * account gets an allocation of 125 % of what the round reserves or posts on it (an ALLOCATE
     * entry), so {@code reserved + posted <= allocated} holds, and the balances equal the sums of
     * the journal (the reconciliation endpoint's check).
     */
    private void budget(long from, long to) throws SQLException {
        Map<String, long[]> deltas = new LinkedHashMap<>();
        for (long i = from; i < to; i++) {
            Claims.Claim claim = Claims.claim(seed, i);
            for (Claims.Entry e : claim.entries()) {
                long[] d = deltas.computeIfAbsent(account(claim, e.source()), k -> new long[3]);
                if (e.type().equals("RESERVE")) {
                    d[1] += e.amountFen();
                } else {
                    d[1] -= e.amountFen();
                    d[2] += e.amountFen();
                }
            }
        }
        Map<String, Long> ids = new HashMap<>();
        Instant start = Instant.now();
        try (Connection c = connect(SUBSIDY);
                PreparedStatement upsert = c.prepareStatement("insert into budget_account (programme_id, county,"
                        + " funding_source, allocated_fen, reserved_fen, posted_fen) values (?, ?, ?, ?, ?, ?)"
                        + " on conflict (programme_id, county, funding_source) do update set"
                        + " allocated_fen = budget_account.allocated_fen + excluded.allocated_fen,"
                        + " reserved_fen = budget_account.reserved_fen + excluded.reserved_fen,"
                        + " posted_fen = budget_account.posted_fen + excluded.posted_fen returning id")) {
            for (Map.Entry<String, long[]> e : deltas.entrySet()) {
                String[] key = e.getKey().split("/");
                long[] d = e.getValue();
                d[0] = allocation(d[1] + d[2]);
                upsert.setString(1, key[0]);
                upsert.setString(2, key[1]);
                upsert.setString(3, key[2]);
                upsert.setLong(4, d[0]);
                upsert.setLong(5, d[1]);
                upsert.setLong(6, d[2]);
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    ids.put(e.getKey(), rs.getLong(1));
                }
            }
            c.commit();
        }
        loaded.add(new Loaded(SUBSIDY, "budget_account", deltas.size(), seconds(start)));
        Instant allocatedAt = Instant.parse("2024-04-01T01:00:00Z");
        copy(
                SUBSIDY,
                "budget_journal",
                "account_id, entry_type, amount_fen, claim_id, note, actor, recorded_at",
                sink -> {
                    for (Map.Entry<String, long[]> e : deltas.entrySet()) {
                        if (e.getValue()[0] > 0) {
                            sink.row(
                                    ids.get(e.getKey()),
                                    "ALLOCATE",
                                    e.getValue()[0],
                                    null,
                                    "scale load " + from + "–" + to,
                                    "city-admin",
                                    allocatedAt);
                        }
                    }
                    for (long i = from; i < to; i++) {
                        Claims.Claim claim = Claims.claim(seed, i);
                        for (Claims.Entry entry : claim.entries()) {
                            sink.row(
                                    ids.get(account(claim, entry.source())),
                                    entry.type(),
                                    entry.amountFen(),
                                    claim.id(),
                                    null,
                                    entry.type().equals("POST") ? "treasury" : claim.reviewer(),
                                    entry.at());
                        }
                    }
                });
    }

    /** The allocation an account needs for what it holds: 125 %, so that some budget is always left. */
    static long allocation(long heldFen) {
        return heldFen + heldFen / 4;
    }

    private static String account(Claims.Claim claim, int source) {
        return claim.programme().id() + "/" + claim.county() + "/" + Claims.FUNDING_SOURCES.get(source);
    }

    /**
     * One audit record per claim (its filing, {@code POST /api/subsidies/claims} 201), appended to
     * the service's hash chain under the chainer's advisory lock (AuditChainer.CHAIN_LOCK), so the
     * chain verifies. The records carry the claims' filing times, earlier than the chain's last
     * row: the chain orders by {@code seq}, not by time.
     */
    private void audit(long from, long to) throws SQLException {
        Instant start = Instant.now();
        long count = 0;
        try (Connection c = connect(SUBSIDY)) {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, 0x4155444954L);
                lock.execute();
            }
            long seq = 0;
            String previous = AuditChain.GENESIS;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select seq, hash from audit_record order by seq desc limit 1")) {
                if (rs.next()) {
                    seq = rs.getLong(1);
                    previous = rs.getString(2);
                }
            }
            try (CopySink sink = new CopySink(
                    c,
                    "audit_record",
                    "seq, recorded_at, actor, roles, client, operation, resource, status, request_id,"
                            + " previous_hash, hash")) {
                for (long i = from; i < to; i++) {
                    Claims.Claim claim = Claims.claim(seed, i);
                    seq++;
                    Instant at = claim.submittedAt().truncatedTo(ChronoUnit.MICROS);
                    String requestId = Seeds.uuid(seed, i, 106).toString();
                    String hashed = AuditChain.hash(
                            previous,
                            seq,
                            at,
                            claim.submittedBy(),
                            "county-officer",
                            "",
                            "POST /api/subsidies/claims",
                            "/api/subsidies/claims",
                            201,
                            requestId);
                    sink.row(
                            seq,
                            at,
                            claim.submittedBy(),
                            "county-officer",
                            "",
                            "POST /api/subsidies/claims",
                            "/api/subsidies/claims",
                            201,
                            requestId,
                            previous,
                            hashed);
                    previous = hashed;
                }
                count = sink.rows();
            }
            c.commit();
        }
        loaded.add(new Loaded(SUBSIDY, "audit_record", count, seconds(start)));
    }

    private void statistics(long from, long to) throws SQLException {
        Instant start = Instant.now();
        long count;
        try (Connection c = connect(TASKS)) {
            // the feed's writers' lock (StatisticsFeed.LOCK): seq order stays commit order
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, 0x5354_4154_5345_5131L);
                lock.execute();
            }
            try (CopySink sink =
                    new CopySink(c, "statistics_event", "event_id, source_event_id, type, time, envelope")) {
                for (long j = from; j < to; j++) {
                    StatisticsEvents.Event e = StatisticsEvents.event(seed, j);
                    sink.row(e.eventId(), e.sourceEventId(), e.type(), e.time(), e.envelope());
                }
                count = sink.rows();
            }
            c.commit();
        }
        loaded.add(new Loaded(TASKS, "statistics_event", count, seconds(start)));
    }

    /** The tables the loader writes, per database, for the size report. */
    public static final Map<String, List<String>> TABLES = Map.of(
            SUBSIDY,
            List.of(
                    "claim",
                    "claim_check",
                    "claim_transition",
                    "claim_unique_use",
                    "budget_journal",
                    "outbox_event",
                    "inbox_event",
                    "scrap_certificate",
                    "audit_record"),
            EQUIPMENT,
            List.of("project_unit", "equipment"),
            RECYCLING,
            List.of("scrap_certificate", "scrap_certificate_revision", "outbox_event"),
            TASKS,
            List.of("statistics_event"));
}
