package cn.gov.lvliang.renewal.subsidy.programmes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One programme category a department reads (职责范围): its programmes, their claims (masked) and
 * their budget accounts. Queried by name inside the claims' and the ledger's scope conditions.
 */
@Entity
@Table(name = "department_responsibility")
public class DepartmentResponsibility extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String department;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProgrammeCategory category;

    /**
     * The JPQL condition on a programme id field: programmes of a category the department
     * {@code :scopeDepartment} reads.
     */
    public static String programmeCondition(String programmeIdField) {
        return programmeIdField + " in (select p.id from Programme p, DepartmentResponsibility r"
                + " where r.department = :scopeDepartment and r.category = p.category)";
    }
}
