package io.baton.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The record links of {@link LeakageProperties.Links}: each an http(s) address with an {@code {id}},
 * using only the placeholders it knows; a HubSpot link with {@code {portal}} needs
 * {@code hubspot-portal}. Checked on the whole record because the last rule spans two keys.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CrmLinkPatterns.Validator.class)
public @interface CrmLinkPatterns {

    String message() default "bad record link";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports each problem at the key it is about ({@code hubspot}, {@code hubspot-portal}, {@code salesforce}). */
    class Validator implements ConstraintValidator<CrmLinkPatterns, LeakageProperties.Links> {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

        @Override
        public boolean isValid(LeakageProperties.Links links, ConstraintValidatorContext context) {
            if (links == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = check(links.hubspot(), List.of("id", "portal"), "hubspot", context);
            valid &= check(links.salesforce(), List.of("id", "type"), "salesforce", context);
            if (links.hubspot() != null && links.hubspot().contains("{portal}")
                    && (links.hubspotPortal() == null || links.hubspotPortal().isBlank())) {
                violation(context, "hubspotPortal", "missing: the HubSpot link uses {portal}; set your HubSpot account id");
                valid = false;
            }
            return valid;
        }

        private static boolean check(String link, List<String> known, String property, ConstraintValidatorContext context) {
            if (link == null || link.isBlank()) {
                return true;  // @NotBlank speaks
            }
            if (!link.startsWith("https://") && !link.startsWith("http://")) {
                violation(context, property, "must be an http(s) address, e.g. " + example(property));
                return false;
            }
            Matcher m = PLACEHOLDER.matcher(link);
            boolean hasId = false;
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    violation(context, property, "unknown placeholder {" + m.group(1) + "}" + DidYouMean.hint(m.group(1), known)
                            + " (known: " + String.join(", ", known.stream().map(k -> "{" + k + "}").toList()) + ")");
                    return false;
                }
                hasId |= m.group(1).equals("id");
            }
            if (!hasId) {
                violation(context, property, "must contain {id}, where the record's id goes, e.g. " + example(property));
                return false;
            }
            return true;
        }

        private static String example(String property) {
            return property.equals("hubspot") ? LeakageProperties.Links.HUBSPOT_LINK : LeakageProperties.Links.SALESFORCE_LINK;
        }

        private static void violation(ConstraintValidatorContext context, String property, String message) {
            // Message templates treat braces as syntax; the placeholders named here are literal text.
            context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("}", "\\}"))
                    .addPropertyNode(property).addConstraintViolation();
        }
    }
}
