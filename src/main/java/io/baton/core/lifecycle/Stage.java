package io.baton.core.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One stage of the shared lifecycle and how each CRM shows it.
 *
 * <p>{@code exit} stages (disqualified, recycled) sit off the forward path; {@code order} is the
 * position on the forward path, or among the exits for an exit, and is set by {@link LifecycleSpec}.
 * HubSpot shows a stage by its {@code lifecyclestage} value (absent: HubSpot has no such stage) and
 * {@code hs_lead_status} values that tell it apart from the stage owning that value; Salesforce by
 * its stage-field value, Lead {@code Status} values, conversion, or an opportunity signal. Every
 * list may be empty.
 */
public record Stage(String name, boolean exit, int order, Optional<String> hubspot, List<String> hubspotLeadStatus,
                    Optional<String> salesforce, List<String> salesforceLeadStatus, boolean salesforceConverted,
                    Optional<OpportunityState> salesforceOpportunity) {

    public Stage {
        Objects.requireNonNull(name, "name");
        hubspot = HubSpotFacts.present(hubspot);
        hubspotLeadStatus = List.copyOf(hubspotLeadStatus);
        salesforce = HubSpotFacts.present(salesforce);
        salesforceLeadStatus = List.copyOf(salesforceLeadStatus);
        Objects.requireNonNull(salesforceOpportunity, "salesforceOpportunity");
    }

    /** A stage on the forward path, shown nowhere yet; add its values with the {@code with…} methods. */
    public static Stage forward(String name) {
        return new Stage(name, false, 0, Optional.empty(), List.of(), Optional.empty(), List.of(), false, Optional.empty());
    }

    /** An exit stage, shown nowhere yet. */
    public static Stage exit(String name) {
        return forward(name).placed(true, 0);
    }

    public Stage withHubSpot(String value) {
        return new Stage(name, exit, order, Optional.ofNullable(value), hubspotLeadStatus, salesforce,
                salesforceLeadStatus, salesforceConverted, salesforceOpportunity);
    }

    public Stage withHubSpotLeadStatus(String... values) {
        return new Stage(name, exit, order, hubspot, List.of(values), salesforce, salesforceLeadStatus,
                salesforceConverted, salesforceOpportunity);
    }

    public Stage withSalesforce(String value) {
        return new Stage(name, exit, order, hubspot, hubspotLeadStatus, Optional.ofNullable(value),
                salesforceLeadStatus, salesforceConverted, salesforceOpportunity);
    }

    public Stage withSalesforceLeadStatus(String... values) {
        return new Stage(name, exit, order, hubspot, hubspotLeadStatus, salesforce, List.of(values),
                salesforceConverted, salesforceOpportunity);
    }

    /** This stage as what a converted Lead, or the Contact it became, shows. */
    public Stage withSalesforceConverted() {
        return new Stage(name, exit, order, hubspot, hubspotLeadStatus, salesforce, salesforceLeadStatus, true,
                salesforceOpportunity);
    }

    public Stage withSalesforceOpportunity(OpportunityState state) {
        return new Stage(name, exit, order, hubspot, hubspotLeadStatus, salesforce, salesforceLeadStatus,
                salesforceConverted, Optional.ofNullable(state));
    }

    /** This stage at {@code order} on the forward path (or among the exits). */
    Stage placed(boolean isExit, int at) {
        return new Stage(name, isExit, at, hubspot, hubspotLeadStatus, salesforce, salesforceLeadStatus,
                salesforceConverted, salesforceOpportunity);
    }

    /** Whether this is a forward stage further along the path than {@code other} (never for exits). */
    public boolean isForwardOf(Stage other) {
        return !exit && !other.exit && order > other.order;
    }
}
