package io.baton.sandbox.salesforce;

import java.util.List;

/**
 * One field of a simulated sObject, with just enough metadata to validate writes the way the org
 * does (B.4/B.5 error codes) and to answer a describe call.
 *
 * @param required    the org refuses a save without a value (REQUIRED_FIELD_MISSING)
 * @param writable    false for system and read-only fields (IsConverted, SystemModstamp, …)
 * @param restricted  a restricted picklist refuses values outside {@code picklist}
 * @param unique      unique across live rows, case-insensitive (DUPLICATE_VALUE)
 * @param referenceTo key prefixes a reference field accepts (005 User, 00G Queue, 001 Account, …)
 */
public record SObjectField(String name, Type type, int length, boolean required, boolean writable,
                           List<String> picklist, boolean restricted, Object defaultValue,
                           boolean unique, boolean externalId, List<String> referenceTo) {

    /** The Salesforce field types the simulator distinguishes (describe's {@code type}). */
    public enum Type {
        ID("id"), STRING("string"), TEXTAREA("textarea"), EMAIL("email"), PHONE("phone"), PICKLIST("picklist"),
        BOOLEAN("boolean"), DATETIME("datetime"), DATE("date"), REFERENCE("reference"), CURRENCY("currency"),
        DOUBLE("double"), PERCENT("percent");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public boolean isText() {
            return this == ID || this == STRING || this == TEXTAREA || this == EMAIL || this == PHONE
                    || this == PICKLIST || this == REFERENCE;
        }

        public boolean isNumber() {
            return this == CURRENCY || this == DOUBLE || this == PERCENT;
        }
    }

    public SObjectField {
        picklist = List.copyOf(picklist);
        referenceTo = List.copyOf(referenceTo);
    }

    static SObjectField text(String name, int length) {
        return new SObjectField(name, Type.STRING, length, false, true, List.of(), false, null, false, false, List.of());
    }

    static SObjectField of(String name, Type type) {
        int length = type == Type.EMAIL ? 80 : type == Type.PHONE ? 40 : type.isText() ? 255 : 0;
        return new SObjectField(name, type, length, false, true, List.of(), false, null, false, false, List.of());
    }

    static SObjectField readOnly(String name, Type type) {
        return new SObjectField(name, type, type.isText() ? 18 : 0, false, false, List.of(), false, null, false, false,
                List.of());
    }

    static SObjectField reference(String name, boolean writable, String... prefixes) {
        return new SObjectField(name, Type.REFERENCE, 18, false, writable, List.of(), false, null, false, false,
                List.of(prefixes));
    }

    static SObjectField picklist(String name, boolean restricted, String defaultValue, String... values) {
        return new SObjectField(name, Type.PICKLIST, 255, false, true, List.of(values), restricted, defaultValue,
                false, false, List.of());
    }

    SObjectField asRequired() {
        return new SObjectField(name, type, length, true, writable, picklist, restricted, defaultValue, unique,
                externalId, referenceTo);
    }

    SObjectField withDefault(Object value) {
        return new SObjectField(name, type, length, required, writable, picklist, restricted, value, unique,
                externalId, referenceTo);
    }

    /** A custom Text field marked External ID + Unique (B.8: Baton_HubSpot_Id__c). */
    static SObjectField uniqueExternalId(String name) {
        return new SObjectField(name, Type.STRING, 255, false, true, List.of(), false, null, true, true, List.of());
    }
}
