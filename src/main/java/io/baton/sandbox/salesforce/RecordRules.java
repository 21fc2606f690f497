package io.baton.sandbox.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The org's save-time validation, in the order a real save reports it (B.4, B.5): required fields,
 * lengths, email format, restricted picklists, reference ids and the unique external id.
 */
final class RecordRules {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private RecordRules() {
    }

    /**
     * The first problem with a candidate row, or empty.
     *
     * @param exists         whether an id (a reference target) is a stored row of any type
     * @param uniqueConflict the id of another live row holding this unique value, if any
     */
    static Optional<RecordError> check(SObjectType type, Map<String, Object> row, Predicate<String> exists,
                                       java.util.function.BiFunction<SObjectField, String, Optional<String>> uniqueConflict) {
        List<String> missing = new ArrayList<>();
        for (SObjectField f : type.fields()) {
            if (f.required() && isBlank(row.get(f.name()))) {
                missing.add(f.name());
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of(new RecordError("REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing.toString().replace(", ", ","), missing));
        }
        for (SObjectField f : type.fields()) {
            Object value = row.get(f.name());
            if (value == null || !f.writable()) {
                continue;
            }
            Optional<RecordError> problem = checkValue(f, value, exists);
            if (problem.isPresent()) {
                return problem;
            }
        }
        for (SObjectField f : type.fields()) {
            Object value = row.get(f.name());
            if (f.unique() && value != null) {
                Optional<String> other = uniqueConflict.apply(f, value.toString());
                if (other.isPresent()) {
                    return Optional.of(RecordError.of("DUPLICATE_VALUE", "duplicate value found: " + f.name()
                            + " duplicates value on record with id: " + other.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<RecordError> checkValue(SObjectField f, Object value, Predicate<String> exists) {
        String text = value.toString();
        if (f.type().isText() && f.length() > 0 && text.length() > f.length()) {
            return Optional.of(RecordError.of("STRING_TOO_LONG", f.name() + ": data value too large: " + text
                    + " (max length=" + f.length() + ")", f.name()));
        }
        switch (f.type()) {
            case EMAIL -> {
                if (!EMAIL.matcher(text).matches()) {
                    return Optional.of(RecordError.of("INVALID_EMAIL_ADDRESS",
                            f.name() + ": invalid email address: " + text, f.name()));
                }
            }
            case PICKLIST -> {
                if (f.restricted() && f.picklist().stream().noneMatch(v -> v.equals(text))) {
                    return Optional.of(RecordError.of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                            f.name() + ": bad value for restricted picklist field: " + text, f.name()));
                }
            }
            case REFERENCE -> {
                Optional<String> id = SalesforceIds.normalize(text);
                String label = f.name().endsWith("Id") ? f.name().substring(0, f.name().length() - 2) + " ID" : f.name();
                if (id.isEmpty()) {
                    return Optional.of(RecordError.of("MALFORMED_ID",
                            label + ": id value of incorrect type: " + text, f.name()));
                }
                boolean rightKind = f.referenceTo().stream().anyMatch(p -> id.get().startsWith(p));
                if (!rightKind || !exists.test(id.get())) {
                    return Optional.of(RecordError.of("INVALID_CROSS_REFERENCE_KEY",
                            label + ": invalid cross reference id", f.name()));
                }
            }
            default -> {
            }
        }
        return Optional.empty();
    }

    /** B.5's messages for codes injected with {@code Faults.failRecord}. */
    static RecordError injected(String code, String id) {
        return switch (code) {
            case "UNABLE_TO_LOCK_ROW" -> RecordError.of(code,
                    "unable to obtain exclusive access to this record or 1 records: " + (id == null ? "" : id));
            case "VALIDATION_ERROR", "FIELD_CUSTOM_VALIDATION_EXCEPTION" -> RecordError.of(
                    "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Rejected by a validation rule (sandbox fault)");
            default -> RecordError.of(code, code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " (sandbox fault)");
        };
    }

    static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
