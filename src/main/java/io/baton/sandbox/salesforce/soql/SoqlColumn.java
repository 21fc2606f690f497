package io.baton.sandbox.salesforce.soql;

import io.baton.sandbox.salesforce.SObjectField;
import io.baton.sandbox.salesforce.SObjectSchema;
import io.baton.sandbox.salesforce.SObjectType;
import io.baton.sandbox.salesforce.soql.SoqlQuery.FieldRef;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A field a query reads: either a field of the queried object, or one level up a lookup
 * ({@code Owner.Email} through {@code OwnerId}, as in B.2's example). The relationship name is the
 * reference field's name without its {@code Id} suffix.
 *
 * @param relationship null for a plain field; otherwise e.g. {@code Owner}
 * @param reference    the lookup field holding the related id (e.g. OwnerId)
 * @param target       the related object type
 * @param field        the field read (on the queried type, or on {@code target})
 */
public record SoqlColumn(String relationship, SObjectField reference, SObjectType target, SObjectField field) {

    public boolean isRelated() {
        return relationship != null;
    }

    /** The stored value for this column on a row; related rows come from {@code lookup} (id → row, or null). */
    public Object value(Map<String, Object> row, Function<String, Map<String, Object>> lookup) {
        if (!isRelated()) {
            return row.get(field.name());
        }
        Object id = row.get(reference.name());
        Map<String, Object> related = id == null ? null : lookup.apply(id.toString());
        return related == null ? null : related.get(field.name());
    }

    static SoqlColumn resolve(SoqlQuery q, SObjectType type, FieldRef ref) {
        String name = ref.name();
        int dot = name.indexOf('.');
        if (dot < 0) {
            return new SoqlColumn(null, null, null, field(q, type, ref, name));
        }
        String relationship = name.substring(0, dot);
        String rest = name.substring(dot + 1);
        Optional<SObjectField> reference = type.fields().stream()
                .filter(f -> f.type() == SObjectField.Type.REFERENCE && f.name().endsWith("Id")
                        && f.name().substring(0, f.name().length() - 2).equalsIgnoreCase(relationship))
                .findFirst();
        if (reference.isEmpty() || rest.contains(".")) {
            throw SoqlException.at("INVALID_FIELD", q.text(), ref.column(), "Didn't understand relationship '"
                    + relationship + "' in field path. If you are attempting to use a custom relationship, be sure to"
                    + " append the '__r' after the custom relationship name. Please reference your WSDL or the describe"
                    + " call for the appropriate names.");
        }
        SObjectField r = reference.get();
        SObjectType target = r.referenceTo().stream().filter(p -> !p.isEmpty())
                .flatMap(p -> SObjectSchema.types().stream().filter(t -> t.keyPrefix().equals(p))).findFirst()
                .orElse(type);
        String canonical = r.name().substring(0, r.name().length() - 2);
        return new SoqlColumn(canonical, r, target, field(q, target, ref, rest));
    }

    private static SObjectField field(SoqlQuery q, SObjectType type, FieldRef ref, String name) {
        return type.field(name).orElseThrow(() -> SoqlException.at("INVALID_FIELD", q.text(), ref.column(),
                "No such column '" + name + "' on entity '" + type.name() + "'. If you are attempting to use a"
                        + " custom field, be sure to append the '__c' after the custom field name. Please reference your"
                        + " WSDL or the describe call for the appropriate names."));
    }
}
