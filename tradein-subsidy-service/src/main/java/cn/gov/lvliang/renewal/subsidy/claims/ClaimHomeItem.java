package cn.gov.lvliang.renewal.subsidy.claims;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * One item of a home-renovation (家装厨卫) or elderly-retrofit (适老化改造) claim, with the amount
 * its rule version's catalogue gives it (decision 0040, V18).
 */
@Entity
@Table(name = "claim_home_item")
@IdClass(ClaimHomeItem.Key.class)
public class ClaimHomeItem extends PanacheEntityBase {

    /** The primary key: the claim and the item's line, from 1. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public UUID claimId;
        public int line;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(claimId, k.claimId) && line == k.line;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(claimId, line);
        }
    }

    @Id
    @Column(name = "claim_id")
    public UUID claimId;

    @Id
    public int line;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(nullable = false)
    public String description;

    @Column(name = "price_fen", nullable = false)
    public long priceFen;

    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Column(nullable = false)
    public boolean capped;

    /** The items of a claim, in line order. */
    static List<ClaimHomeItem> of(UUID claimId) {
        return list("claimId = ?1 order by line", claimId);
    }
}
