package io.baton.sandbox.hubspot;

import java.util.List;

/**
 * One contact property of the portal: its type decides how search compares values, {@code options}
 * holds an enumeration's internal values in pipeline order (A.5), {@code readOnly} ones are set by
 * HubSpot itself, and {@code unique} ones (like {@code email}) may identify a record.
 */
public record PropertyDefinition(String name, Type type, boolean readOnly, boolean unique, List<Option> options) {

    /** How a value is stored and compared; every value still travels as a string (A intro). */
    public enum Type { STRING, NUMBER, DATETIME, ENUMERATION }

    /** An enumeration option: the internal value the API wants, and its label. */
    public record Option(String value, String label) {
    }

    public PropertyDefinition {
        options = List.copyOf(options);
    }

    static PropertyDefinition string(String name) {
        return new PropertyDefinition(name, Type.STRING, false, false, List.of());
    }

    static PropertyDefinition readOnly(String name, Type type) {
        return new PropertyDefinition(name, type, true, false, List.of());
    }

    boolean isEnumeration() {
        return type == Type.ENUMERATION;
    }

    /** Position in the option list, or -1; lifecycle order comes from this. */
    int optionIndex(String value) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).value().equals(value)) {
                return i;
            }
        }
        return -1;
    }
}
