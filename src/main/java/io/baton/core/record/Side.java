package io.baton.core.record;

/** The two systems Baton keeps in step. */
public enum Side {
    HUBSPOT,
    SALESFORCE;

    /** The other system. */
    public Side opposite() {
        return this == HUBSPOT ? SALESFORCE : HUBSPOT;
    }
}
