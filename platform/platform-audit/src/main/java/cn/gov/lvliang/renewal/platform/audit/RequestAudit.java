package cn.gov.lvliang.renewal.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;

/**
 * Writes the current HTTP request's audit record into the current transaction. Used by {@link
 * AuditInterceptor}, and by a service method of an {@link OwnTransactions} endpoint whose main
 * write still wants its record in its own transaction (claim filing with an Idempotency-Key, say).
 */
@ApplicationScoped
public class RequestAudit {

    private final AuditEntries entries;
    private final AuditTrail trail;

    public RequestAudit(AuditEntries entries, AuditTrail trail) {
        this.entries = entries;
        this.trail = trail;
    }

    /**
     * Records the request being served, with this status, in the caller's transaction, and tells
     * {@link AuditFilter} not to record it again. Does nothing outside an HTTP request, for a
     * status other than 2xx, or for an anonymous caller.
     *
     * @return whether a record was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordInCurrentTransaction(int status) {
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        if (current == null || current.getResteasyReactiveResourceInfo() == null) {
            return false;
        }
        ResteasyReactiveResourceInfo info = current.getResteasyReactiveResourceInfo();
        return record(current.getContainerRequestContext(), info.getResourceClass(), info.getResourceMethod(), status);
    }

    /**
     * Records this request with this status in the current transaction (for {@link
     * AuditInterceptor}, which knows the resource method), and marks it as recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(ContainerRequestContext request, Class<?> resourceClass, Method method, int status) {
        request.setProperty(AuditFilter.RECORDED_IN_TRANSACTION, Boolean.TRUE);
        if (status / 100 != 2) {
            return false;
        }
        Optional<AuditTrail.Entry> entry = entries.entry(request, resourceClass, method, status);
        entry.ifPresent(trail::record);
        return entry.isPresent();
    }
}
