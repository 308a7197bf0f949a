package cn.gov.lvliang.renewal.subsidy.programmes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a programme's rules, in force for purchases dated within its effective dates.
 * Issued versions are never changed; a change is a new, higher version.
 */
@Entity
@Table(name = "rule_version")
public class RuleVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "programme_id", nullable = false)
    public String programmeId;

    @Column(nullable = false)
    public int version;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    /** The parameters document; read it through {@link RuleBook#parameters(RuleVersion)}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String parameters;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "evidence_required", nullable = false)
    public String[] evidenceRequired;

    @Column(name = "collection_required", nullable = false)
    public boolean collectionRequired;

    /** 复核期限: days after a rejection within which it may be appealed (V13, default 15). */
    @Column(name = "appeal_window_days", nullable = false)
    public int appealWindowDays = 15;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** A programme with the version in force on a date, or null when none is. */
    public record InForce(Programme programme, RuleVersion version) {}

    /**
     * The programme {@code programmeId} with its version in force for a purchase on {@code date} (the
     * highest whose dates cover it; null when none does), read in one query: filing a claim needs
     * both. Empty when there is no such programme.
     */
    public static Optional<InForce> withProgramme(String programmeId, LocalDate date) {
        return getEntityManager()
                .createQuery(
                        "select p, v from Programme p left join RuleVersion v on v.programmeId = p.id"
                                + " and v.effectiveFrom <= ?2 and (v.effectiveTo is null or v.effectiveTo >= ?2)"
                                + " where p.id = ?1 order by v.version desc",
                        Object[].class)
                .setParameter(1, programmeId)
                .setParameter(2, date)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(row -> new InForce((Programme) row[0], (RuleVersion) row[1]));
    }

    /** The version in force for a purchase on {@code date}: the highest whose dates cover it. */
    public static Optional<RuleVersion> inForce(String programmeId, LocalDate date) {
        return find(
                        "programmeId = ?1 and effectiveFrom <= ?2 and (effectiveTo is null or effectiveTo >= ?2)"
                                + " order by version desc",
                        programmeId,
                        date)
                .firstResultOptional();
    }
}
