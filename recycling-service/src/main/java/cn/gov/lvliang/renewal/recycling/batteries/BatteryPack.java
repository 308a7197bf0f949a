package cn.gov.lvliang.renewal.recycling.batteries;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A traction-battery pack (动力电池包) and where its chain of custody stands: the current holder,
 * the last signature and its time. Handovers are {@link BatteryHandover} rows.
 */
@Entity
@Table(name = "battery_pack")
public class BatteryPack extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pack_code", nullable = false, updatable = false)
    public String packCode;

    @Column(name = "source_vin", nullable = false, updatable = false)
    public String sourceVin;

    @Column(name = "state_of_health_percent", nullable = false)
    public int stateOfHealthPercent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BatteryStatus status;

    @Column(name = "holder_credit_code", nullable = false)
    public String holderCreditCode;

    @Column(nullable = false, updatable = false)
    public String county;

    @Column(name = "original_pack_code", updatable = false)
    public String originalPackCode;

    @Column(name = "successor_pack_code")
    public String successorPackCode;

    @Column(name = "registered_by", nullable = false, updatable = false)
    public String registeredBy;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    @Column(name = "registration_signature", nullable = false, updatable = false)
    public String registrationSignature;

    @Column(name = "handover_count", nullable = false)
    public int handoverCount;

    @Column(name = "last_signed_at", nullable = false)
    public Instant lastSignedAt;

    @Column(name = "last_signature", nullable = false)
    public String lastSignature;

    @Column(name = "registered_at", nullable = false, updatable = false)
    public Instant registeredAt;

    @Version
    public int version;

    public static Optional<BatteryPack> byCode(String packCode) {
        return find("packCode", packCode).firstResultOptional();
    }

    /** A new record whose chain starts with the registering enterprise receiving the pack. */
    static BatteryPack register(
            String packCode,
            String sourceVin,
            int stateOfHealthPercent,
            BatteryStatus status,
            String holder,
            String county,
            String originalPackCode,
            Instant receivedAt,
            Clock clock) {
        BatteryPack pack = new BatteryPack();
        pack.packCode = packCode;
        pack.sourceVin = sourceVin;
        pack.stateOfHealthPercent = stateOfHealthPercent;
        pack.status = status;
        pack.holderCreditCode = holder;
        pack.county = county;
        pack.originalPackCode = originalPackCode;
        pack.registeredBy = holder;
        pack.receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
        pack.registrationSignature = CustodyChain.start(packCode, sourceVin, holder, pack.receivedAt);
        pack.lastSignature = pack.registrationSignature;
        pack.lastSignedAt = pack.receivedAt;
        pack.handoverCount = 0;
        pack.registeredAt = Instant.now(clock);
        return pack;
    }

    /**
     * The holder {@code from} hands the pack to {@code to} at {@code at}: the next signed link.
     *
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 409 when {@code from} does
     *     not hold the pack or the record is closed; 400 when {@code at} lies before the previous
     *     signature or in the future, or {@code to} is the holder
     */
    public BatteryHandover handOver(String from, String to, Instant at, Integer stateOfHealth, Clock clock) {
        requireHolder(from);
        requireOpen();
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        if (when.isBefore(lastSignedAt)) {
            throw Problems.invalidField("handedOverAt", at.toString(), "field.before-previous-handover", lastSignedAt);
        }
        if (when.isAfter(Instant.now(clock))) {
            throw Problems.invalidField("handedOverAt", at.toString(), "field.time-in-future");
        }
        if (to.equals(from)) {
            throw Problems.invalidField("toCreditCode", to, "field.handover-to-self");
        }
        if (stateOfHealth != null) {
            stateOfHealthPercent = stateOfHealth;
        }
        CustodyChain.Link link =
                new CustodyChain.Link(packCode, handoverCount + 1, from, to, when, stateOfHealthPercent);
        BatteryHandover handover =
                BatteryHandover.of(id, link, lastSignature, CustodyChain.sign(lastSignature, link), clock);
        handoverCount = link.sequence();
        lastSignature = handover.signature;
        lastSignedAt = when;
        holderCreditCode = to;
        return handover;
    }

    /** The holder sets reuse, remanufacturing or waste. */
    public void changeStatus(String by, BatteryStatus target, Integer stateOfHealth) {
        requireHolder(by);
        requireOpen();
        if (!status.canBecome(target)) {
            throw Problems.conflict("illegal-transition", "detail.illegal-transition", status, target);
        }
        status = target;
        if (stateOfHealth != null) {
            stateOfHealthPercent = stateOfHealth;
        }
    }

    /** The holder made a new pack from this one; this record is closed and points to it. */
    public void repurposedInto(String by, String newPackCode) {
        requireHolder(by);
        requireOpen();
        if (status == BatteryStatus.WASTE) {
            throw Problems.conflict(
                    "illegal-transition", "detail.illegal-transition", status, BatteryStatus.REPURPOSED);
        }
        successorPackCode = newPackCode;
    }

    /** Whether the record still moves: not waste, not repurposed into another pack. */
    public boolean isOpen() {
        return status != BatteryStatus.WASTE && successorPackCode == null;
    }

    private void requireHolder(String caller) {
        if (!holderCreditCode.equals(caller)) {
            throw Problems.conflict("not-the-holder", "detail.not-the-holder", packCode, holderCreditCode);
        }
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw Problems.conflict(
                    "battery-closed",
                    "detail.battery-closed",
                    packCode,
                    successorPackCode != null ? "→ " + successorPackCode : status);
        }
    }
}
