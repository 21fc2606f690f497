package io.baton.core.lifecycle;

import io.baton.core.record.Side;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The shipped lifecycle (config/lifecycle.yml) as a spec, with reason fields, and input helpers for the tests. */
final class Lifecycles {

    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    private Lifecycles() {
    }

    static LifecycleSpec shipped() {
        return new LifecycleSpec(List.of(
                Stage.forward("subscriber").withHubSpot("subscriber").withSalesforce("Subscriber"),
                Stage.forward("lead").withHubSpot("lead").withSalesforce("Lead"),
                Stage.forward("mql").withHubSpot("marketingqualifiedlead").withSalesforce("MQL"),
                Stage.forward("sal").withHubSpotLeadStatus("IN_PROGRESS", "ATTEMPTED_TO_CONTACT", "CONNECTED")
                        .withSalesforce("SAL").withSalesforceLeadStatus("Working - Contacted"),
                Stage.forward("sql").withHubSpot("salesqualifiedlead").withSalesforce("SQL").withSalesforceConverted(),
                Stage.forward("opportunity").withHubSpot("opportunity").withSalesforce("Opportunity")
                        .withSalesforceOpportunity(OpportunityState.OPEN),
                Stage.forward("customer").withHubSpot("customer").withSalesforce("Customer")
                        .withSalesforceOpportunity(OpportunityState.WON)),
                List.of(Stage.exit("disqualified").withHubSpot("other").withHubSpotLeadStatus("UNQUALIFIED")
                                .withSalesforce("Disqualified").withSalesforceLeadStatus("Closed - Not Converted"),
                        Stage.exit("recycled").withHubSpot("lead").withHubSpotLeadStatus("BAD_TIMING")
                                .withSalesforce("Recycled")),
                true,
                List.of(new AllowedMove(List.of("lead", "mql", "sal", "sql"), "disqualified", false),
                        new AllowedMove(List.of("mql", "sal", "sql", "opportunity"), "recycled", false),
                        new AllowedMove(List.of("recycled"), "lead", true)),
                BackwardMoves.CORRECT, Side.SALESFORCE,
                LifecycleFields.defaults().withReasonFields("baton_lifecycle_reason", "Lifecycle_Reason__c"));
    }

    static LifecyclePolicy policy() {
        return new LifecyclePolicy(shipped());
    }

    /** A person both sides showed at {@code stage} last time, now showing the given facts. */
    static LifecycleInput at(String stage, HubSpotFacts hubspot, SalesforceFacts salesforce) {
        return new LifecycleInput(Optional.of(stage), Optional.empty(), Optional.of(stage), Optional.of(stage),
                Optional.of(hubspot), Optional.of(salesforce), T0, T0);
    }

    static LifecycleInput at(String stage, HubSpotFacts hubspot, Instant hubspotAt, SalesforceFacts salesforce,
                             Instant salesforceAt) {
        return new LifecycleInput(Optional.of(stage), Optional.empty(), Optional.of(stage), Optional.of(stage),
                Optional.of(hubspot), Optional.of(salesforce), hubspotAt, salesforceAt);
    }
}
