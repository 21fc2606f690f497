package io.baton.sandbox.hubspot;

/** A write would give a unique property ({@code email}, {@code baton_salesforce_id}) a value another contact holds. */
public final class DuplicateValueException extends RuntimeException {

    private final String property;
    private final String existingId;

    DuplicateValueException(String property, String existingId) {
        super(property + " already used by contact " + existingId, null, false, false);
        this.property = property;
        this.existingId = existingId;
    }

    public String property() {
        return property;
    }

    public String existingId() {
        return existingId;
    }
}
