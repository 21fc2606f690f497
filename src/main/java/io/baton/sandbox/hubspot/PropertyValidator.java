package io.baton.sandbox.hubspot;

import io.baton.sandbox.hubspot.PropertyDefinition.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks property values of a write the way HubSpot does before touching any record (A.3: an invalid
 * property or option fails the whole call): unknown and read-only properties, enumeration options
 * (A.5), owner ids, and email syntax. {@code ""} always passes: it clears the value (A.1).
 */
final class PropertyValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private final PropertyCatalog catalog;
    private final Predicate<String> ownerExists;

    PropertyValidator(PropertyCatalog catalog, Predicate<String> ownerExists) {
        this.catalog = catalog;
        this.ownerExists = ownerExists;
    }

    List<PropertyIssue> issues(Map<String, String> properties) {
        List<PropertyIssue> issues = new ArrayList<>();
        properties.forEach((name, value) -> {
            PropertyDefinition def = catalog.find(name).orElse(null);
            if (def == null) {
                issues.add(new PropertyIssue(name, "PROPERTY_DOESNT_EXIST", "Property \"" + name + "\" does not exist"));
            } else if (def.readOnly()) {
                issues.add(new PropertyIssue(name, "READ_ONLY_VALUE",
                        name + " is a read only property; its value cannot be set."));
            } else if (value != null && !value.isEmpty()) {
                checkValue(def, value, issues);
            }
        });
        return issues;
    }

    /** Throws HubSpot's whole-call 400 when any value is invalid. */
    void check(Map<String, String> properties) {
        List<PropertyIssue> issues = issues(properties);
        if (!issues.isEmpty()) {
            throw HubSpotErrorBodies.invalidProperties(issues);
        }
    }

    void checkEmail(String email) {
        if (email != null && !email.isEmpty() && !EMAIL.matcher(email.trim()).matches()) {
            throw HubSpotErrorBodies.invalidProperties(List.of(invalidEmail(email)));
        }
    }

    private void checkValue(PropertyDefinition def, String value, List<PropertyIssue> issues) {
        if (PropertyCatalog.EMAIL.equals(def.name()) && !EMAIL.matcher(value.trim()).matches()) {
            issues.add(invalidEmail(value));
        } else if (PropertyCatalog.OWNER_ID.equals(def.name()) && !ownerExists.test(value)) {
            issues.add(new PropertyIssue(def.name(), "INVALID_OWNER_ID", value + " is not a valid owner id"));
        } else if (def.isEnumeration() && !def.options().isEmpty() && def.optionIndex(value) < 0) {
            issues.add(new PropertyIssue(def.name(), "INVALID_OPTION",
                    value + " was not one of the allowed options: " + describe(def.options())));
        }
    }

    private static PropertyIssue invalidEmail(String value) {
        return new PropertyIssue(PropertyCatalog.EMAIL, "INVALID_EMAIL", "Email address " + value + " is invalid");
    }

    /** A.5 renders the options as protobuf text: {@code [label: "New"\nvalue: "NEW"\n, ...]}. */
    private static String describe(List<Option> options) {
        return options.stream()
                .map(o -> "label: \"" + o.label() + "\"\nvalue: \"" + o.value() + "\"\n")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
