package cn.gov.lvliang.renewal.platform.audit;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Method;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * Runs an {@link Audited} resource's write (and {@link AuditedRead}) methods in one transaction and
 * writes their audit record in it, so that the record commits with the write or not at all.
 *
 * <ul>
 *   <li>The method's own {@code @Transactional} services join this transaction; it commits after
 *       the method returned, and after the record was inserted into {@code audit_pending} (no
 *       lock). The status recorded is the one the return value answers with ({@link
 *       AuditEntries#status}); only 2xx are recorded.
 *   <li>When the method throws, the transaction is rolled back if it is marked rollback-only (any
 *       {@code @Transactional} method that would have rolled back its own transaction marks it),
 *       and committed otherwise: exactly what was committed before this interceptor existed, for
 *       example a {@code dontRollbackOn} exception's writes. No record is written (not a 2xx).
 *   <li>Methods marked {@link OwnTransactions} are left alone; {@link AuditFilter} records them.
 * </ul>
 *
 * Runs outside {@code @Transactional} (lower priority number), so that a {@code @Transactional}
 * resource method joins this transaction rather than committing before the record is written.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AuditInterceptor {

    private static final Logger LOG = Logger.getLogger(AuditInterceptor.class);

    private final RequestAudit audit;
    private final TransactionManager transactions;
    private final EntityManager em;

    public AuditInterceptor(RequestAudit audit, TransactionManager transactions, EntityManager em) {
        this.audit = audit;
        this.transactions = transactions;
        this.em = em;
    }

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        if (!AuditEntries.audited(method) || method.isAnnotationPresent(OwnTransactions.class)) {
            return invocation.proceed();
        }
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        if (current == null) {
            return invocation.proceed(); // not called for an HTTP request: nothing to attribute
        }
        ContainerRequestContext request = current.getContainerRequestContext();
        Class<?> resourceClass = current.getResteasyReactiveResourceInfo() != null
                ? current.getResteasyReactiveResourceInfo().getResourceClass()
                : method.getDeclaringClass();
        if (transactions.getTransaction() != null) {
            // someone else owns the transaction: record in it, they commit
            Object returned = invocation.proceed();
            record(request, resourceClass, method, returned);
            return returned;
        }
        transactions.begin();
        Object returned;
        try {
            returned = invocation.proceed();
        } catch (Throwable failure) {
            endAfterFailure(failure);
            throw failure;
        }
        try {
            record(request, resourceClass, method, returned);
        } catch (Throwable failure) {
            transactions.rollback();
            throw failure;
        }
        commit();
        return returned;
    }

    private void record(ContainerRequestContext request, Class<?> resourceClass, Method method, Object returned) {
        int status = AuditEntries.status(returned);
        if (status / 100 == 2) {
            // optimistic-lock and constraint failures surface here, as the persistence exceptions
            // the problem mappers know, rather than wrapped in a failed commit
            em.flush();
        }
        audit.record(request, resourceClass, method, status);
    }

    private void commit() throws Exception {
        try {
            transactions.commit();
        } catch (RollbackException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause; // the persistence failure behind it, for the problem mappers
            }
            throw e;
        }
    }

    private void endAfterFailure(Throwable failure) {
        try {
            if (transactions.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                transactions.rollback();
            } else {
                transactions.commit();
            }
        } catch (Exception e) {
            LOG.debugf(e, "ending the transaction after %s failed", failure);
            failure.addSuppressed(e);
        }
    }
}
