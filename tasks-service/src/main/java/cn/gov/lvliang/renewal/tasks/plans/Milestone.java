package cn.gov.lvliang.renewal.tasks.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A candidate milestone or target of a task (到2025年底 … 659个), quoted from its text. */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String clause;

    @Column(name = "deadline_text")
    public String deadlineText;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String quantities;
}
