package cn.gov.lvliang.renewal.subsidy.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A budget account (预算账户): one programme × county × funding source. Its balances change only
 * through {@link BudgetLedger}'s conditional updates, each with a journal entry; this entity is
 * for reading.
 */
@Entity
@Table(name = "budget_account")
public class BudgetAccount extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "programme_id", nullable = false)
    public String programmeId;

    @Column(nullable = false)
    public String county;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_source", nullable = false)
    public FundingSource fundingSource;

    @Column(name = "allocated_fen", nullable = false)
    public long allocatedFen;

    @Column(name = "reserved_fen", nullable = false)
    public long reservedFen;

    @Column(name = "posted_fen", nullable = false)
    public long postedFen;

    public long availableFen() {
        return allocatedFen - reservedFen - postedFen;
    }
}
