package cn.gov.lvliang.renewal.subsidy.programmes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A subsidy programme (补贴项目): category, jurisdiction, period and funding shares. */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {

    /** What an approval does when the budget cannot cover it. */
    public enum WhenExhausted {
        /** 排队: the approval waits for more money, first come first served. */
        QUEUE,
        /** 停止受理: the approval is refused. */
        REFUSE
    }

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProgrammeCategory category;

    @Column(nullable = false)
    public String jurisdiction;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    @Column(name = "when_exhausted", nullable = false)
    public WhenExhausted whenExhausted;

    @Column(name = "central_share_bp", nullable = false)
    public int centralShareBp;

    @Column(name = "provincial_share_bp", nullable = false)
    public int provincialShareBp;

    @Column(name = "city_share_bp", nullable = false)
    public int cityShareBp;

    @Column(name = "county_share_bp", nullable = false)
    public int countyShareBp;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** 停止受理: when the programme stopped taking claims; null while it takes them. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_reason")
    public String closedReason;

    @Version
    public long version;

    /** Shares in the order CENTRAL, PROVINCIAL, CITY, COUNTY. */
    public int[] sharesBp() {
        return new int[] {centralShareBp, provincialShareBp, cityShareBp, countyShareBp};
    }

    public boolean closed() {
        return closedAt != null;
    }

    /**
     * Stops taking claims, for good; claims already filed go on.
     *
     * @throws IllegalStateException when it is closed already
     */
    public void close(String by, String reason, Instant at) {
        if (closed()) {
            throw new IllegalStateException("programme " + id + " is closed already");
        }
        closedAt = at;
        closedBy = by;
        closedReason = reason;
    }

    public boolean runsOn(LocalDate date) {
        return !date.isBefore(periodStart) && (periodEnd == null || !date.isAfter(periodEnd));
    }
}
