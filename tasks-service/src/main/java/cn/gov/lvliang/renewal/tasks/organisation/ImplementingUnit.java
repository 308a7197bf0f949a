package cn.gov.lvliang.renewal.tasks.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A unit that implements tasks locally: a county (县、市、区, GB/T 2260 code), 吕梁新区 or a
 * provincial development zone (省级经开区).
 */
@Entity
@Table(name = "implementing_unit")
public class ImplementingUnit extends PanacheEntityBase {

    /** What kind of area it is. */
    public enum Kind {
        COUNTY,
        NEW_DISTRICT,
        DEVELOPMENT_ZONE
    }

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** Whether the unit gets an assignment for every task (the counties do: 以下均需各县市区人民政府落实). */
    @Column(name = "implements_every_task", nullable = false)
    public boolean implementsEveryTask;

    @Version
    public int version;
}
