package cn.gov.lvliang.renewal.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write endpoint that deliberately commits on its own (chunked commits, a retry in a second
 * transaction, raw JDBC with its own commit), so that {@link AuditInterceptor} must not wrap it in
 * one transaction. Its audit record is written by {@link AuditFilter} after it answered, in a short
 * transaction of its own (the pre-0011 behaviour: a crash in between loses that one record).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OwnTransactions {

    /** Why the method commits on its own, for the reader. */
    String value();
}
