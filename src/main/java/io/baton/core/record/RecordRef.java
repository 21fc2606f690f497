package io.baton.core.record;

import java.util.Objects;

/**
 * Points at one record in one system: HubSpot contact id, or a Salesforce id with its sObject type
 * ({@code Lead} or {@code Contact}).
 */
public record RecordRef(Side side, String type, String id) {

    public RecordRef {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("record id must not be blank");
        }
    }

    public static RecordRef hubspotContact(String id) {
        return new RecordRef(Side.HUBSPOT, "contact", id);
    }

    public static RecordRef salesforce(String type, String id) {
        return new RecordRef(Side.SALESFORCE, type, id);
    }

    @Override
    public String toString() {
        return side.name().toLowerCase() + ":" + type + ":" + id;
    }
}
