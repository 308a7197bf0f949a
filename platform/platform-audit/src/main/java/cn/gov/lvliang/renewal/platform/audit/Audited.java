package cn.gov.lvliang.renewal.platform.audit;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on every JAX-RS resource class of a service: its writes ({@code @POST}, {@code @PUT},
 * {@code @PATCH}, {@code @DELETE}) and {@link AuditedRead} methods run in one transaction that also
 * holds their audit record ({@link AuditInterceptor}); the record commits with the write or not at
 * all. A method that must commit on its own is marked {@link OwnTransactions}. Each service's
 * {@code AuditCoverageTest} fails when a resource class with such a method lacks this annotation.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Audited {}
