package io.baton.sync;

import io.baton.core.mapping.SalesforceType;

/** The names of the change streams, as their cursors and dead letters are stored. */
final class SyncStreams {

    static final String HUBSPOT = "hubspot:contacts";
    /** Opportunities, read for the lifecycle only (their converted Contacts' stages). */
    static final String SALESFORCE_OPPORTUNITIES = "salesforce:Opportunity";

    private SyncStreams() {
    }

    static String salesforce(SalesforceType type) {
        return "salesforce:" + type.apiName();
    }
}
