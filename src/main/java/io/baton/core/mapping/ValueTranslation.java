package io.baton.core.mapping;

/**
 * Translates the non-blank values of one mapped field between the systems: a picklist
 * {@link ValueMap}, the {@link OwnerMapping}, or the {@link LifecycleValueMap}. Never throws for a
 * value it does not know: that is a {@link Translated#failure(RecordIssue)} naming field and value.
 */
public interface ValueTranslation {

    /** The HubSpot value of property {@code field} as a Salesforce value. */
    Translated toSalesforce(String field, String hubspotValue);

    /** The Salesforce value of field {@code field} as a HubSpot value. */
    Translated toHubspot(String field, String salesforceValue);
}
