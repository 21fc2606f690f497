package io.baton.core.mapping;

import java.util.Locale;
import java.util.Optional;

/** The Salesforce object a HubSpot contact pairs with: a Lead before conversion, a Contact after. */
public enum SalesforceType {
    LEAD("Lead"),
    CONTACT("Contact");

    private final String apiName;

    SalesforceType(String apiName) {
        this.apiName = apiName;
    }

    /** The sObject name, as in {@code RecordRef.type()}. */
    public String apiName() {
        return apiName;
    }

    /** The type whose sObject name (or config name {@code lead}/{@code contact}) is {@code name}. */
    public static Optional<SalesforceType> of(String name) {
        for (SalesforceType t : values()) {
            if (t.apiName.equalsIgnoreCase(name.strip()) || t.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
