package cn.gov.lvliang.renewal.platform.identifiers;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A VIN with a valid GB 16735 check digit. A null value is valid; combine with {@code @NotBlank} where the value is required. */
@Documented
@Constraint(validatedBy = ValidVin.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidVin {

    String message() default "{cn.gov.lvliang.renewal.vin.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value with {@link Vin}. */
    class Validator implements ConstraintValidator<ValidVin, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Vin.isValid(value);
        }
    }
}
