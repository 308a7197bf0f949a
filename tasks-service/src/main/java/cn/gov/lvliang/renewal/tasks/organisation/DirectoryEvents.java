package cn.gov.lvliang.renewal.tasks.organisation;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.tasks.messaging.CountyChanged;
import cn.gov.lvliang.renewal.tasks.messaging.DepartmentChanged;
import cn.gov.lvliang.renewal.tasks.messaging.TasksEvents;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Announces changes of the organisation directory through the outbox, in the transaction that
 * makes them, so that the other services' read models follow (decision 0029).
 */
@ApplicationScoped
public class DirectoryEvents {

    /** What happened to an entry. */
    public enum Change {
        ADDED,
        RENAMED
    }

    private final Outbox outbox;

    public DirectoryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void department(Department d, Change change) {
        outbox.publish(
                TasksEvents.TOPIC,
                d.code,
                TasksEvents.DEPARTMENT_CHANGED,
                new DepartmentChanged(d.code, d.name, d.kind.name(), change.name(), d.version));
    }

    public void unit(ImplementingUnit u, Change change) {
        outbox.publish(
                TasksEvents.TOPIC,
                u.code,
                TasksEvents.COUNTY_CHANGED,
                new CountyChanged(u.code, u.name, u.kind.name(), change.name(), u.version));
    }
}
