package io.baton.sandbox.salesforce;

import java.util.Optional;

/** What converting a lead created (B.8): always an Account and a Contact, optionally an Opportunity. */
public record LeadConversion(String leadId, String accountId, String contactId, Optional<String> opportunityId) {
}
