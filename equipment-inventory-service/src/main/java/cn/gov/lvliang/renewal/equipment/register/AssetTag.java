package cn.gov.lvliang.renewal.equipment.register;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * 资产编号: a letter or digit of any script, then up to 63 letters, digits or {@code _ . / -}.
 *
 * <p>A composed constraint, so that the Java check stays as strict as the plain {@code @Pattern}
 * it replaces (same message, same field) while the OpenAPI document does not publish the Java-only
 * {@code \p{L}} classes, which JSON Schema's ECMA-262 patterns and Python cannot compile (decision
 * 0026). The document says the rule in the field's description instead.
 */
@Documented
@Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N}_./-]{0,63}")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AssetTag {

    String message() default "{jakarta.validation.constraints.Pattern.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
