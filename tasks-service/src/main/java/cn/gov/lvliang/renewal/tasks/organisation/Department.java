package cn.gov.lvliang.renewal.tasks.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A lead department (牵头单位) or co-operating company named in the plan. Created from the
 * document on import; the code never changes, the name may be edited by the city.
 */
@Entity
@Table(name = "department")
public class Department extends PanacheEntityBase {

    /** What the unit is. */
    public enum Kind {
        DEPARTMENT,
        COMPANY,
        OTHER
    }

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** The name as the document writes it; how later imports find the department again. */
    @Column(name = "source_name", nullable = false, updatable = false)
    public String sourceName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public int version;

    /** Renames the department; its code stays. */
    public void rename(String newName) {
        this.name = newName.strip();
    }
}
