package cn.gov.lvliang.renewal.recycling.batteries;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;

/** One signed link of a pack's chain of custody (移交记录). Written once, never changed. */
@Entity
@Table(name = "battery_handover")
public class BatteryHandover extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pack_id", nullable = false, updatable = false)
    public Long packId;

    @Column(nullable = false, updatable = false)
    public int sequence;

    @Column(name = "from_credit_code", nullable = false, updatable = false)
    public String fromCreditCode;

    @Column(name = "to_credit_code", nullable = false, updatable = false)
    public String toCreditCode;

    @Column(name = "handed_over_at", nullable = false, updatable = false)
    public Instant handedOverAt;

    @Column(name = "state_of_health_percent", updatable = false)
    public Integer stateOfHealthPercent;

    @Column(name = "previous_signature", nullable = false, updatable = false)
    public String previousSignature;

    @Column(nullable = false, updatable = false)
    public String signature;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    static BatteryHandover of(Long packId, CustodyChain.Link link, String previous, String signature, Clock clock) {
        BatteryHandover h = new BatteryHandover();
        h.packId = packId;
        h.sequence = link.sequence();
        h.fromCreditCode = link.from();
        h.toCreditCode = link.to();
        h.handedOverAt = link.handedOverAt();
        h.stateOfHealthPercent = link.stateOfHealthPercent();
        h.previousSignature = previous;
        h.signature = signature;
        h.recordedAt = Instant.now(clock);
        return h;
    }

    CustodyChain.Link link(String packCode) {
        return new CustodyChain.Link(
                packCode, sequence, fromCreditCode, toCreditCode, handedOverAt, stateOfHealthPercent);
    }
}
