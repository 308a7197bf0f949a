package cn.gov.lvliang.renewal.platform.events.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A department of the organisation directory that tasks-service owns, as a service's read model
 * (table {@code organisation_department}, platform migration {@code V0_4}; decision 0029): what a
 * department-officer token's {@code department} claim is checked against, and what the
 * directory's {@code department-changed} events keep current.
 */
@Entity
@Table(name = "organisation_department")
public class DirectoryDepartment extends PanacheEntityBase {

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

    /** Whether the directory knows the (canonical, lower-case) department code. */
    public static boolean isKnown(String code) {
        return findById(code) != null;
    }

    /**
     * Applies the directory's entry as an event announced it, in the caller's transaction: inserted,
     * or updated unless the read model already holds a newer version.
     */
    public static void apply(String code, String name, String kind, int version) {
        getEntityManager()
                .createNativeQuery("insert into organisation_department (code, name, kind, version, updated_at)"
                        + " values (lower(?1), ?2, ?3, ?4, now())"
                        + " on conflict (code) do update set name = excluded.name, kind = excluded.kind,"
                        + " version = excluded.version, updated_at = excluded.updated_at"
                        + " where organisation_department.version <= excluded.version")
                .setParameter(1, code)
                .setParameter(2, name)
                .setParameter(3, kind)
                .setParameter(4, version)
                .executeUpdate();
    }
}
