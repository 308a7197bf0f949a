package cn.gov.lvliang.renewal.equipment.scope;

import cn.gov.lvliang.renewal.equipment.messaging.DepartmentChanged;
import cn.gov.lvliang.renewal.platform.events.EventHandlers;
import cn.gov.lvliang.renewal.platform.events.EventSubscriber;
import cn.gov.lvliang.renewal.platform.events.directory.DirectoryDepartment;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps this service's read model of the organisation directory current from tasks-service's
 * {@link DepartmentChanged}, in the consumer's inbox transaction (decision 0029).
 */
@ApplicationScoped
public class DirectoryHandlers implements EventSubscriber {

    @Override
    public void subscribe(EventHandlers.Builder handlers) {
        handlers.on(DepartmentChanged.TYPE, DepartmentChanged.class, event -> {
            DepartmentChanged d = event.data();
            DirectoryDepartment.apply(d.code(), d.name(), d.kind(), d.version());
        });
    }
}
