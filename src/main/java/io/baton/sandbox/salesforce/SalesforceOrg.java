package io.baton.sandbox.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** STUB: replaced by the real in-memory org. */
public final class SalesforceOrg {

    public String seedUser(String email, String firstName, String lastName) {
        return "005000000000001AAA";
    }

    public String seed(String type, Map<String, Object> fields, Instant created, Instant modified) {
        return "00Q000000000001AAA";
    }

    public void setLastActivityDate(String id, LocalDate date) {
    }

    public void convertLead(String leadId, boolean withOpportunity) {
    }
}
