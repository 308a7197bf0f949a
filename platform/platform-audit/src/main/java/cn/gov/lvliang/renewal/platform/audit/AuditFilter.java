package cn.gov.lvliang.renewal.platform.audit;

import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The safety net behind {@link AuditInterceptor}: sees every response, and records a successful
 * write (POST, PUT, PATCH, DELETE answered 2xx) or {@link AuditedRead} that the interceptor did not
 * record in its transaction. That is expected for {@link OwnTransactions} methods; for any other
 * method it means the resource class lacks {@link Audited}, which is logged (and fails the
 * service's {@code AuditCoverageTest}). Such a record is written after the response was decided,
 * in its own short transaction: a crash in between loses it (docs/security.md "Audit trail").
 */
public class AuditFilter {

    /** Request property set by {@link AuditInterceptor} when it took charge of the record. */
    public static final String RECORDED_IN_TRANSACTION = "cn.gov.lvliang.renewal.audit.inTransaction";

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);

    @Inject
    AuditTrail trail;

    @Inject
    AuditEntries entries;

    @ServerResponseFilter
    public void record(
            ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource) {
        if (resource == null
                || resource.getResourceClass() == null
                || response.getStatus() / 100 != 2
                || request.getProperty(RECORDED_IN_TRANSACTION) != null) {
            return;
        }
        Method method = method(resource);
        if (!AuditEntries.audited(method)) {
            return;
        }
        Optional<AuditTrail.Entry> entry =
                entries.entry(request, resource.getResourceClass(), method, response.getStatus());
        if (entry.isEmpty()) {
            return;
        }
        if (!method.isAnnotationPresent(OwnTransactions.class)) {
            LOG.warnf(
                    "%s is not recorded in its own transaction: %s lacks @Audited; recording it afterwards",
                    entry.get().operation(), resource.getResourceClass().getName());
        }
        if (BlockingOperationControl.isBlockingAllowed()) {
            recordSeparately(entry.get());
        } else {
            Infrastructure.getDefaultWorkerPool().execute(() -> recordSeparately(entry.get()));
        }
    }

    private void recordSeparately(AuditTrail.Entry entry) {
        try {
            trail.recordSeparately(entry);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not write the audit record of %s (request %s)", entry.operation(), entry.requestId());
        }
    }

    private static Method method(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
