package io.baton.core.lifecycle;

import java.util.Objects;
import java.util.Optional;

/**
 * The CRM property and field names the lifecycle reads and writes. The stage field and both
 * reason fields are optional: an org without {@code Lifecycle_Stage__c} shows stages through Lead
 * Status, conversion and opportunities alone, and without reason fields a move's reason is kept
 * by Baton only.
 */
public record LifecycleFields(String hubspotProperty, String hubspotLeadStatusProperty,
                              Optional<String> hubspotReasonProperty, Optional<String> salesforceField,
                              String salesforceLeadStatusField, Optional<String> salesforceReasonField) {

    public LifecycleFields {
        Objects.requireNonNull(hubspotProperty, "hubspotProperty");
        Objects.requireNonNull(hubspotLeadStatusProperty, "hubspotLeadStatusProperty");
        Objects.requireNonNull(hubspotReasonProperty, "hubspotReasonProperty");
        Objects.requireNonNull(salesforceField, "salesforceField");
        Objects.requireNonNull(salesforceLeadStatusField, "salesforceLeadStatusField");
        Objects.requireNonNull(salesforceReasonField, "salesforceReasonField");
    }

    /** HubSpot's standard properties, {@code Lifecycle_Stage__c} and {@code Status}, no reason fields. */
    public static LifecycleFields defaults() {
        return new LifecycleFields("lifecyclestage", "hs_lead_status", Optional.empty(),
                Optional.of("Lifecycle_Stage__c"), "Status", Optional.empty());
    }

    /** These names with reasons written to the given HubSpot property and Salesforce field. */
    public LifecycleFields withReasonFields(String hubspot, String salesforce) {
        return new LifecycleFields(hubspotProperty, hubspotLeadStatusProperty, Optional.of(hubspot), salesforceField,
                salesforceLeadStatusField, Optional.of(salesforce));
    }
}
