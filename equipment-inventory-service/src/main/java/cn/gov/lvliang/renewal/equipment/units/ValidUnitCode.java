package cn.gov.lvliang.renewal.equipment.units;

import cn.gov.lvliang.renewal.platform.identifiers.CreditCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A unit code: an organisation's credit code (GB 32100) or a person unit's {@link PersonUnitCode}; null passes. */
@Documented
@Constraint(validatedBy = ValidUnitCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidUnitCode {

    /** The credit code's message: a person unit code is only ever copied from the unit. */
    String message() default "{cn.gov.lvliang.renewal.credit-code.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidUnitCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CreditCode.isValid(value) || PersonUnitCode.isPersonUnitCode(value);
        }
    }
}
