package cn.gov.lvliang.renewal.recycling.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One recycling {@link Area} a department reads (职责范围). */
@Entity
@Table(name = "department_responsibility")
public class DepartmentResponsibility extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String department;

    /** An {@link Area} name. */
    @Column(nullable = false)
    public String area;

    /** The JPQL condition: the department {@code :scopeDepartment} reads {@code area}. */
    public static String condition(Area area) {
        return "exists (select 1 from DepartmentResponsibility r where r.department = :scopeDepartment"
                + " and r.area = '" + area.name() + "')";
    }
}
