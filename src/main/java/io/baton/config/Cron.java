package io.baton.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.scheduling.support.CronExpression;

/**
 * A Spring cron expression: six fields (second minute hour day-of-month month day-of-week), as
 * {@link CronExpression} reads it. Null is left to {@code @NotNull}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Cron.Validator.class)
public @interface Cron {

    String message() default "bad cron expression";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Parses the expression and, when it fails, says why in the violation's message. */
    class Validator implements ConstraintValidator<Cron, String> {

        static final String HINT = "a Spring cron has 6 fields: second minute hour day-of-month month "
                + "day-of-week, e.g. '0 0 8 * * MON-FRI'";

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                CronExpression.parse(value);
                return true;
            } catch (IllegalArgumentException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(escape("bad cron expression '" + value + "': "
                        + e.getMessage() + " (" + HINT + ")")).addConstraintViolation();
                return false;
            }
        }

        /** Message templates treat braces, dollars and backslashes as syntax; user text must not. */
        private static String escape(String text) {
            return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
