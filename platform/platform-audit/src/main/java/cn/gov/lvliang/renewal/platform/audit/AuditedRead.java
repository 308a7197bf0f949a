package cn.gov.lvliang.renewal.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read endpoint that returns unmasked personal data (for example the treasury payment
 * file with names and bank accounts): every successful call is written to the audit trail, as
 * writes are.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedRead {}
