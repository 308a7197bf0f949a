package cn.gov.lvliang.renewal.platform.events.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A county (县市区) or another implementing unit of the organisation directory that tasks-service
 * owns, as a service's read model (table {@code organisation_county}, platform migration {@code
 * V0_6}; decision 0042): what a county-officer token's {@code county} claim is checked against, and
 * what the directory's {@code county-changed} events keep current. Seeded with the 13 counties of
 * {@code AreaCode}.
 */
@Entity
@Table(name = "organisation_county")
public class DirectoryCounty extends PanacheEntityBase {

    /** The kind of a county-level division, the only kind a county claim may name. */
    public static final String COUNTY = "COUNTY";

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether the directory knows {@code code} as a county (not 吕梁新区 or a development zone). */
    public static boolean isKnown(String code) {
        DirectoryCounty county = findById(code);
        return county != null && COUNTY.equals(county.kind);
    }

    /**
     * Applies the directory's entry as an event announced it, in the caller's transaction: inserted,
     * or updated unless the read model already holds a newer version.
     */
    public static void apply(String code, String name, String kind, int version) {
        getEntityManager()
                .createNativeQuery("insert into organisation_county (code, name, kind, version, updated_at)"
                        + " values (?1, ?2, ?3, ?4, now())"
                        + " on conflict (code) do update set name = excluded.name, kind = excluded.kind,"
                        + " version = excluded.version, updated_at = excluded.updated_at"
                        + " where organisation_county.version <= excluded.version")
                .setParameter(1, code)
                .setParameter(2, name)
                .setParameter(3, kind)
                .setParameter(4, version)
                .executeUpdate();
    }
}
