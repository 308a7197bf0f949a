package cn.gov.lvliang.renewal.equipment.register;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * 资产编号: a letter or digit of any script, then up to 63 letters, digits or {@code _ . / -}.
 *
 * <p>It checks exactly what the plain {@code @Pattern} it replaces checked, with the same message,
 * but as a constraint of its own: SmallRye OpenAPI publishes a {@code @Pattern} (even one composed
 * into another constraint) as the schema's {@code pattern}, and Java's {@code \p{L}} classes compile
 * neither as ECMA-262, JSON Schema's dialect, nor in Python (decision 0026). The document says the
 * rule in the field's description instead.
 */
@Documented
@Constraint(validatedBy = AssetTag.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AssetTag {

    String REGEXP = "[\\p{L}\\p{N}][\\p{L}\\p{N}_./-]{0,63}";

    /** Named like {@code @Pattern}'s, so that its message reads the same. */
    String regexp() default REGEXP;

    String message() default "{jakarta.validation.constraints.Pattern.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Matches the whole value against {@link #REGEXP}; a null value is valid. */
    class Validator implements ConstraintValidator<AssetTag, String> {

        private static final Pattern TAG = Pattern.compile(REGEXP);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || TAG.matcher(value).matches();
        }
    }
}
