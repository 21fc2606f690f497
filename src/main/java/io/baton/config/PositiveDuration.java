package io.baton.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

/** A duration that must be longer than zero (or zero, with {@code allowZero}); null is left to {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PositiveDuration.Validator.class)
public @interface PositiveDuration {

    String message() default "must be a duration longer than zero";

    boolean allowZero() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the sign of the duration. */
    class Validator implements ConstraintValidator<PositiveDuration, Duration> {

        private boolean allowZero;

        @Override
        public void initialize(PositiveDuration annotation) {
            allowZero = annotation.allowZero();
        }

        @Override
        public boolean isValid(Duration value, ConstraintValidatorContext context) {
            return value == null || (allowZero ? !value.isNegative() : !(value.isNegative() || value.isZero()));
        }
    }
}
