package cn.gov.lvliang.renewal.tasks.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A department named in a task's closing parentheses: lead (牵头) or co-operating company. */
@Entity
@Table(name = "task_lead_department")
@IdClass(TaskLeadDepartment.Key.class)
public class TaskLeadDepartment extends PanacheEntityBase {

    /** The unit's role in the task. */
    public enum Role {
        LEAD,
        COOPERATING
    }

    @Id
    @Column(name = "task_id")
    public UUID taskId;

    @Id
    @Column(name = "department_code")
    public String departmentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public int position;

    /** Composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public UUID taskId;
        public String departmentCode;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && java.util.Objects.equals(taskId, k.taskId)
                    && java.util.Objects.equals(departmentCode, k.departmentCode);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(taskId, departmentCode);
        }
    }
}
