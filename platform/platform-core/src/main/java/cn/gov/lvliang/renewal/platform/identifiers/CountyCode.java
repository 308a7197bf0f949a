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

/** One of Lüliang's 13 county-level area codes (GB/T 2260). A null value is valid. */
@Documented
@Constraint(validatedBy = CountyCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CountyCode {

    String message() default "{cn.gov.lvliang.renewal.county.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value against {@link AreaCode#COUNTIES}. */
    class Validator implements ConstraintValidator<CountyCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || AreaCode.isCounty(value);
        }
    }
}
