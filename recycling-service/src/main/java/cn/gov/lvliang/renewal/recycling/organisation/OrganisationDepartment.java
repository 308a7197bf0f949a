package cn.gov.lvliang.renewal.recycling.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A department of the organisation directory (组织机构目录) that tasks-service owns: this service's
 * read model of it, kept current by the directory's events (decision 0029).
 */
@Entity
@Table(name = "organisation_department")
public class OrganisationDepartment extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether the directory knows the (canonical, lower-case) department code. */
    public static boolean isKnown(String code) {
        return findById(code) != null;
    }
}
