package cn.gov.lvliang.renewal.tasks.assignments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One move in an assignment's history (append-only). */
@Entity
@Table(name = "assignment_transition")
public class AssignmentTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false, updatable = false)
    public UUID assignmentId;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "from_status", updatable = false)
    public String fromStatus;

    @Column(name = "to_status", nullable = false, updatable = false)
    public String toStatus;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(updatable = false)
    public String comment;

    @Column(nullable = false, updatable = false)
    public Instant at;

    static void record(
            Assignment a,
            String action,
            AssignmentStatus from,
            AssignmentStatus to,
            String actor,
            String comment,
            Instant at) {
        AssignmentTransition t = new AssignmentTransition();
        t.assignmentId = a.id;
        t.action = action;
        t.fromStatus = from == null ? null : from.name();
        t.toStatus = to.name();
        t.actor = actor;
        t.comment = comment;
        t.at = at;
        t.persist();
    }
}
