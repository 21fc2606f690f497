package io.baton.core.lifecycle;

import static io.baton.core.lifecycle.Lifecycles.T0;
import static io.baton.core.lifecycle.Lifecycles.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.Side;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both sides at once, first placement, and writing only what differs. */
class LifecycleDecisionTest {

    private final LifecyclePolicy policy = Lifecycles.policy();

    @Test
    void whenBothSidesMoveTheNewerChangeWinsAndTheOtherIsRewritten() {
        LifecycleDecision d = policy.decide(at("mql", HubSpotFacts.of("salesqualifiedlead", null), T0.plusSeconds(60),
                SalesforceFacts.lead("MQL", "Closed - Not Converted"), T0));

        assertThat(d.move()).map(Transition::source).contains(Side.HUBSPOT);
        assertThat(d.stage()).contains("sql");
        assertThat(d.salesforceWrites()).isEqualTo(Map.of("Lifecycle_Stage__c", "SQL"));
    }

    @Test
    void whenBothSidesMoveAtTheSameTimeTheTieBreakerWins() {
        LifecycleInput input = at("mql", HubSpotFacts.of("salesqualifiedlead", null),
                SalesforceFacts.lead("MQL", "Closed - Not Converted"));

        assertThat(policy.decide(input).stage()).contains("disqualified");
        assertThat(new LifecyclePolicy(Lifecycles.shipped().withTieBreaker(Side.HUBSPOT)).decide(input).stage())
                .contains("sql");
    }

    @Test
    void firstPlacementTakesTheForwardMostReadingAndWritesTheOtherSide() {
        LifecycleDecision d = policy.decide(LifecycleInput.firstSync(
                Optional.of(HubSpotFacts.of("marketingqualifiedlead", null)),
                Optional.of(SalesforceFacts.lead(null, "Working - Contacted")), T0.plusSeconds(5), T0));

        assertThat(d.move()).contains(new Transition(Optional.empty(), "sal", Side.SALESFORCE, Optional.empty()));
        assertThat(d.hubspotWrites()).isEqualTo(Map.of("hs_lead_status", "IN_PROGRESS"));
        assertThat(d.salesforceWrites()).isEqualTo(Map.of("Lifecycle_Stage__c", "SAL"));
        assertThat(d.hubspotReading()).contains("sal");
        assertThat(d.salesforceReading()).contains("sal");
    }

    @Test
    void firstPlacementTakesAnExitOnlyWhenItIsTheNewerChange() {
        Optional<HubSpotFacts> hubspot = Optional.of(HubSpotFacts.of("salesqualifiedlead", null));
        Optional<SalesforceFacts> salesforce = Optional.of(SalesforceFacts.lead("Disqualified", null));

        assertThat(policy.decide(LifecycleInput.firstSync(hubspot, salesforce, T0, T0.plusSeconds(1))).stage())
                .contains("disqualified");
        assertThat(policy.decide(LifecycleInput.firstSync(hubspot, salesforce, T0.plusSeconds(1), T0)).stage())
                .contains("sql");
    }

    @Test
    void aSideWithNoRecordYetGetsNoWritesAndNothingToRemember() {
        LifecycleDecision d = policy.decide(LifecycleInput.firstSync(
                Optional.of(HubSpotFacts.of("marketingqualifiedlead", null)), Optional.empty(), T0, T0));

        assertThat(d.stage()).contains("mql");
        assertThat(d.hasNoWrites()).isTrue();
        assertThat(d.salesforceReading()).isEmpty();
    }

    @Test
    void nothingIsWrittenWhereTheRecordAlreadyShowsTheStage() {
        LifecycleDecision d = policy.decide(at("sal", HubSpotFacts.of("marketingqualifiedlead", "CONNECTED"),
                SalesforceFacts.lead("SAL", "Working - Contacted")));

        assertThat(d.hasNoWrites()).isTrue();
        assertThat(d.move()).isEmpty();
        assertThat(d.refusals()).isEmpty();
    }

    @Test
    void aConvertedLeadIsNeverWrittenAndAContactGetsNoStatus() {
        SalesforceFacts convertedLead = new SalesforceFacts(io.baton.core.mapping.SalesforceType.LEAD,
                Optional.of("MQL"), Optional.of("Closed - Converted"), true, Optional.empty(), Optional.empty());

        assertThat(policy.decide(at("mql", HubSpotFacts.of("salesqualifiedlead", null), convertedLead))
                .salesforceWrites()).isEmpty();
        assertThat(policy.decide(at("mql", HubSpotFacts.of("marketingqualifiedlead", "IN_PROGRESS"),
                SalesforceFacts.contact("MQL", null))).salesforceWrites()).doesNotContainKey("Status");
    }

    @Test
    void aConversionInSalesforceMovesTheSharedStageToSql() {
        LifecycleDecision d = policy.decide(at("sal", HubSpotFacts.of("marketingqualifiedlead", "IN_PROGRESS"),
                SalesforceFacts.contact("SAL", null)));

        assertThat(d.move()).contains(new Transition(Optional.of("sal"), "sql", Side.SALESFORCE, Optional.empty()));
        assertThat(d.hubspotWrites()).isEqualTo(Map.of("lifecyclestage", "salesqualifiedlead"));
        assertThat(d.salesforceWrites()).isEqualTo(Map.of("Lifecycle_Stage__c", "SQL"));
    }

    @Test
    void aWonOpportunityMakesACustomer() {
        LifecycleDecision d = policy.decide(at("opportunity", HubSpotFacts.of("opportunity", null),
                SalesforceFacts.contact("Opportunity", OpportunityState.WON)));

        assertThat(d.stage()).contains("customer");
        assertThat(d.hubspotWrites()).isEqualTo(Map.of("lifecyclestage", "customer"));
    }
}
