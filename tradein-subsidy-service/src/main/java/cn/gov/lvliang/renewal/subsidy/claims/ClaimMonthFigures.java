package cn.gov.lvliang.renewal.subsidy.claims;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;

/**
 * The claims of one programme, county and month of submission (China's wall clock), counted and
 * summed: a row of the monthly-totals summary or one of its deltas not yet folded in (V24, decision
 * 0055). The database writes both (triggers on {@code claim}, {@code claim_month_fold()}); the service
 * only reads them.
 */
@MappedSuperclass
public abstract class ClaimMonthFigures extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "programme_id", nullable = false, updatable = false)
    public String programmeId;

    @Column(nullable = false, updatable = false)
    public String county;

    @Column(nullable = false, updatable = false)
    public LocalDateTime month;

    @Column(nullable = false, updatable = false)
    public long claims;

    @Column(name = "amount_fen", nullable = false, updatable = false)
    public long amountFen;

    @Column(name = "paid_amount_fen", nullable = false, updatable = false)
    public long paidAmountFen;
}
