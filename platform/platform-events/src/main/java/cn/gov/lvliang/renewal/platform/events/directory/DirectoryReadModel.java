package cn.gov.lvliang.renewal.platform.events.directory;

import cn.gov.lvliang.renewal.platform.events.EventHandlers;
import cn.gov.lvliang.renewal.platform.events.EventSubscriber;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps a service's read model of the organisation directory current from tasks-service's {@link
 * DepartmentChanged} and {@link CountyChanged}, in the consumer's inbox transaction, keeping the
 * highest version (decisions 0029, 0042). One implementation for every service that consumes {@code
 * tasks.events} through a {@link DirectoryConsumer}.
 */
@ApplicationScoped
public class DirectoryReadModel implements EventSubscriber {

    @Override
    public void subscribe(EventHandlers.Builder handlers) {
        handlers.on(DepartmentChanged.TYPE, DepartmentChanged.class, event -> {
            DepartmentChanged d = event.data();
            DirectoryDepartment.apply(d.code(), d.name(), d.kind(), d.version());
        });
        handlers.on(CountyChanged.TYPE, CountyChanged.class, event -> {
            CountyChanged c = event.data();
            DirectoryCounty.apply(c.code(), c.name(), c.kind(), c.version());
        });
    }
}
