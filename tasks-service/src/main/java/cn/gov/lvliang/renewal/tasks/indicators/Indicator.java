package cn.gov.lvliang.renewal.tasks.indicators;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** 指标: a target of the plan, with its rule, deadline and where its actual values come from. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    /** How the target is stated. */
    public enum TargetRule {
        /** 较2023年增长 p%: the level in the deadline year is baseline × (1 + p/100). */
        RELATIVE_GROWTH,
        /** 达到 v: a level to reach (80%, 100%). */
        ABSOLUTE,
        /** 完成 n 个: a number of things done since the baseline. */
        COUNT,
        /** 增长 n 个百分点: a share up by n points. */
        SHARE_POINTS,
        /** Measured, with no target in the document. */
        NONE
    }

    /** What a monthly value is. */
    public enum Measurement {
        /** An amount in the month (cars scrapped); the year's level is the last 12 months. */
        FLOW,
        /** Things done in the month, counted from the baseline on. */
        CUMULATIVE,
        /** A level at the month (a share); the latest value counts. */
        LEVEL
    }

    /** Where actual values come from. */
    public enum Source {
        EVENT,
        MANUAL
    }

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_rule", nullable = false)
    public TargetRule targetRule;

    @Column(name = "target_value")
    public BigDecimal targetValue;

    @Column(name = "baseline_year", nullable = false)
    public int baselineYear;

    @Column(nullable = false)
    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Measurement measurement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "source_event")
    public String sourceEvent;

    @Column(name = "task_number")
    public Integer taskNumber;

    /** The document's words this indicator stands for. */
    @Column(nullable = false)
    public String quote;

    @Version
    public int version;
}
