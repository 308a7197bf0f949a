package cn.gov.lvliang.renewal.recycling.disposals;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.recycling.MaterialWeights;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import java.time.LocalDate;

/**
 * 处置记录: opened when equipment-inventory-service announces a retirement, closed with the outcome
 * (scrapped, remanufactured, sold second-hand) and the enterprise that handled it.
 */
@Entity
@Table(name = "disposal_record")
public class DisposalRecord extends PanacheEntityBase {

    /** 处置状态. */
    public enum Status {
        OPEN,
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "equipment_id", nullable = false, updatable = false)
    public String equipmentId;

    @Column(name = "unit_credit_code", nullable = false, updatable = false)
    public String unitCreditCode;

    @Column(nullable = false, updatable = false)
    public String county;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(updatable = false)
    public String category;

    @Column(name = "retired_on", nullable = false, updatable = false)
    public LocalDate retiredOn;

    @Column(name = "planned_disposal", updatable = false)
    public String plannedDisposal;

    @Column(name = "source_event_id", nullable = false, updatable = false)
    public String sourceEventId;

    @Column(name = "opened_at", nullable = false, updatable = false)
    public Instant openedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    public DisposalOutcome outcome;

    @Column(name = "handler_credit_code")
    public String handlerCreditCode;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Embedded
    public MaterialWeights materials;

    @Version
    public int version;

    /** Closes the record with its outcome; a closed record never changes. */
    public void close(
            DisposalOutcome result, String handler, LocalDate on, MaterialWeights weights, String by, Clock clock) {
        if (status == Status.CLOSED) {
            throw Problems.conflict("disposal-closed", "detail.disposal-closed", id, closedOn);
        }
        if (on.isBefore(retiredOn)) {
            throw Problems.invalidField("closedOn", on, "field.before-retirement");
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw Problems.invalidField("closedOn", on, "field.date-in-future");
        }
        status = Status.CLOSED;
        outcome = result;
        handlerCreditCode = handler;
        closedOn = on;
        materials = weights;
        closedAt = Instant.now(clock);
        closedBy = by;
    }
}
