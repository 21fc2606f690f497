package io.baton.core.lifecycle;

import static io.baton.core.lifecycle.Lifecycles.T0;
import static io.baton.core.lifecycle.Lifecycles.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.Side;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each kind of move, made in one CRM, and what the decision does with it. */
class LifecycleMovesTest {

    private final LifecyclePolicy policy = Lifecycles.policy();

    private Stage stage(String name) {
        return policy.stage(name).orElseThrow();
    }

    private MoveCheck check(String from, String to, String reason) {
        return policy.check(Optional.of(stage(from)), stage(to), Optional.ofNullable(reason));
    }

    @Test
    void forwardMovesAndSkipsAreAllowedAndSameStageIsUnchanged() {
        assertThat(check("mql", "sal", null).verdict()).isEqualTo(MoveCheck.Verdict.ALLOWED);
        assertThat(check("lead", "sql", null).verdict()).isEqualTo(MoveCheck.Verdict.ALLOWED);
        assertThat(check("sql", "sql", null).verdict()).isEqualTo(MoveCheck.Verdict.UNCHANGED);
        assertThat(policy.check(Optional.empty(), stage("customer"), Optional.empty()).isAllowed()).isTrue();
    }

    @Test
    void aSkipIsRefusedWhenSkippingIsNotAllowed() {
        LifecyclePolicy strict = new LifecyclePolicy(Lifecycles.shipped().withAllowSkip(false));

        MoveCheck skip = strict.check(strict.stage("lead"), strict.stage("sql").orElseThrow(), Optional.empty());

        assertThat(skip.isRefused()).isTrue();
        assertThat(skip.why()).isEqualTo("lead → sql skips mql, sal and skipping is not allowed");
    }

    @Test
    void backwardAndUnlistedMovesAreRefused() {
        assertThat(check("sql", "lead", null).why()).isEqualTo("sql → lead moves backward");
        assertThat(check("customer", "disqualified", "spam").why()).isEqualTo("customer → disqualified is not an allowed move");
        assertThat(check("recycled", "mql", "ready").isRefused()).isTrue();
    }

    @Test
    void recycledBackToLeadNeedsAReason() {
        assertThat(check("recycled", "lead", null).why()).isEqualTo("moving from recycled to lead needs a reason");
        assertThat(check("recycled", "lead", "asked for a demo").isAllowed()).isTrue();
    }

    @Test
    void aMoveForwardInHubSpotIsWrittenToSalesforce() {
        LifecycleDecision d = policy.decide(at("mql", HubSpotFacts.of("salesqualifiedlead", null),
                SalesforceFacts.lead("MQL", "Open - Not Contacted")));

        assertThat(d.move()).contains(new Transition(Optional.of("mql"), "sql", Side.HUBSPOT, Optional.empty()));
        assertThat(d.salesforceWrites()).isEqualTo(Map.of("Lifecycle_Stage__c", "SQL"));
        assertThat(d.hubspotWrites()).isEmpty();
        assertThat(d.salesforceReading()).contains("sql");
    }

    @Test
    void aRepsAcceptanceInSalesforceShowsInHubSpotAsALeadStatus() {
        LifecycleDecision d = policy.decide(at("mql", HubSpotFacts.of("marketingqualifiedlead", "NEW"),
                SalesforceFacts.lead("MQL", "Working - Contacted")));

        assertThat(d.stage()).contains("sal");
        assertThat(d.hubspotWrites()).isEqualTo(Map.of("hs_lead_status", "IN_PROGRESS"));
        assertThat(d.salesforceWrites()).isEqualTo(Map.of("Lifecycle_Stage__c", "SAL"));
        assertThat(d.hubspotReading()).contains("sal");
    }

    @Test
    void aRepsBackwardMoveInSalesforceIsRefusedAndCorrected() {
        LifecycleDecision d = policy.decide(at("sql", HubSpotFacts.of("salesqualifiedlead", null),
                SalesforceFacts.lead("Lead", null)));

        assertThat(d.stage()).contains("sql");
        assertThat(d.move()).isEmpty();
        assertThat(d.refusals()).containsExactly(new Refusal(Side.SALESFORCE, Optional.of("sql"), "lead", "sql → lead moves backward"));
        assertThat(d.salesforceWrites()).isEqualTo(Map.of("Lifecycle_Stage__c", "SQL"));
        assertThat(d.flagged()).isFalse();
    }

    @Test
    void aBackwardMoveInHubSpotIsCorrectedForwardWithoutClearing() {
        LifecycleDecision d = policy.decide(at("sql", HubSpotFacts.of("lead", null), SalesforceFacts.lead("SQL", null)));

        assertThat(d.refusals()).extracting(Refusal::side).containsExactly(Side.HUBSPOT);
        assertThat(d.hubspotWrites()).isEqualTo(Map.of("lifecyclestage", "salesqualifiedlead"));
        assertThat(d.hubspotClearFirst()).isFalse();
    }

    @Test
    void withFlagARefusedMoveIsLeftAndNotRefusedAgainNextPass() {
        LifecyclePolicy flagging = new LifecyclePolicy(Lifecycles.shipped().withBackwardMoves(BackwardMoves.FLAG));
        HubSpotFacts hubspot = HubSpotFacts.of("lead", null);
        SalesforceFacts salesforce = SalesforceFacts.lead("SQL", null);

        LifecycleDecision d = flagging.decide(at("sql", hubspot, salesforce));
        LifecycleDecision next = flagging.decide(new LifecycleInput(d.stage(), d.reason(), d.hubspotReading(),
                d.salesforceReading(), Optional.of(hubspot), Optional.of(salesforce), T0, T0));

        assertThat(d.flagged()).isTrue();
        assertThat(d.refusals()).hasSize(1);
        assertThat(d.hasNoWrites()).isTrue();
        assertThat(d.hubspotReading()).contains("lead");
        assertThat(next.refusals()).isEmpty();
        assertThat(next.hasNoWrites()).isTrue();
        assertThat(next.flagged()).isFalse();
    }

    @Test
    void withFlagASideLeftOffIsWrittenOnceTheOtherSideMovesToWhatItShows() {
        // Found by LifecycleProperties: the Lead sits flagged at disqualified (its status) while the
        // shared stage is sql; then HubSpot disqualifies too. The Lead is on the shared stage again
        // and gets its stage field in the same pass, not one pass later.
        LifecyclePolicy flagging = new LifecyclePolicy(Lifecycles.shipped().withBackwardMoves(BackwardMoves.FLAG));
        SalesforceFacts lead = SalesforceFacts.lead("SQL", "Closed - Not Converted");

        LifecycleDecision d = flagging.decide(new LifecycleInput(Optional.of("sql"), Optional.empty(), Optional.of("sql"),
                Optional.of("disqualified"), Optional.of(HubSpotFacts.of("other", null)), Optional.of(lead),
                T0.plusSeconds(60), T0));

        assertThat(d.stage()).contains("disqualified");
        assertThat(d.salesforceWrites()).containsEntry("Lifecycle_Stage__c", "Disqualified");
        assertThat(d.flagged()).isFalse();
    }

    @Test
    void withFlagARepsBackwardMoveInSalesforceIsLeftInPlace() {
        LifecyclePolicy flagging = new LifecyclePolicy(Lifecycles.shipped().withBackwardMoves(BackwardMoves.FLAG));

        LifecycleDecision d = flagging.decide(at("sql", HubSpotFacts.of("salesqualifiedlead", null),
                SalesforceFacts.lead("MQL", null)));

        assertThat(d.flagged()).isTrue();
        assertThat(d.salesforceWrites()).isEmpty();
        assertThat(d.salesforceReading()).contains("mql");
        assertThat(d.stage()).contains("sql");
    }

    @Test
    void disqualifyingInSalesforceCarriesTheReasonToBothSides() {
        LifecycleDecision d = policy.decide(at("sal", HubSpotFacts.of("marketingqualifiedlead", "IN_PROGRESS"),
                SalesforceFacts.lead("SAL", "Closed - Not Converted").withReason("no budget")));

        assertThat(d.move()).contains(new Transition(Optional.of("sal"), "disqualified", Side.SALESFORCE,
                Optional.of("no budget")));
        assertThat(d.reason()).contains("no budget");
        assertThat(d.hubspotWrites()).isEqualTo(Map.of("lifecyclestage", "other", "hs_lead_status", "UNQUALIFIED",
                "baton_lifecycle_reason", "no budget"));
        assertThat(d.hubspotClearFirst()).isFalse();
        assertThat(d.salesforceWrites()).isEqualTo(Map.of("Lifecycle_Stage__c", "Disqualified"));
    }

    @Test
    void disqualifyingWithoutAReasonIsAllowedForTheLeakRulesToFlag() {
        LifecycleDecision d = policy.decide(at("mql", HubSpotFacts.of("other", null), SalesforceFacts.lead("MQL", null)));

        assertThat(d.stage()).contains("disqualified");
        assertThat(d.reason()).isEmpty();
    }

    @Test
    void recyclingInHubSpotIsALegalBackwardMoveThatClearsLifecycleStageFirst() {
        LifecycleDecision d = policy.decide(at("sql", HubSpotFacts.of("salesqualifiedlead", "BAD_TIMING")
                .withReason("next quarter"), SalesforceFacts.contact("SQL", null)));

        assertThat(d.stage()).contains("recycled");
        assertThat(d.hubspotWrites()).isEqualTo(Map.of("lifecyclestage", "lead"));
        assertThat(d.hubspotClearFirst()).isTrue();
        assertThat(d.salesforceWrites()).isEqualTo(Map.of("Lifecycle_Stage__c", "Recycled",
                "Lifecycle_Reason__c", "next quarter"));
        assertThat(d.salesforceReading()).contains("recycled");
    }

    @Test
    void recycledBackToLeadWithoutANewReasonIsRefused() {
        LifecycleInput input = new LifecycleInput(Optional.of("recycled"), Optional.of("next quarter"),
                Optional.of("recycled"), Optional.of("recycled"),
                Optional.of(HubSpotFacts.of("lead", null).withReason("next quarter")),
                Optional.of(SalesforceFacts.lead("Recycled", null).withReason("next quarter")), T0, T0);

        LifecycleDecision d = policy.decide(input);

        assertThat(d.refusals()).singleElement().extracting(Refusal::why)
                .isEqualTo("moving from recycled to lead needs a reason");
        assertThat(d.hubspotWrites()).isEqualTo(Map.of("hs_lead_status", "BAD_TIMING"));
    }

    @Test
    void recycledBackToLeadWithAReasonClearsTheStaleLeadStatus() {
        LifecycleInput input = new LifecycleInput(Optional.of("recycled"), Optional.of("next quarter"),
                Optional.of("recycled"), Optional.of("recycled"),
                Optional.of(HubSpotFacts.of("lead", "BAD_TIMING").withReason("next quarter")),
                Optional.of(SalesforceFacts.lead("Lead", null).withReason("asked for a demo")), T0, T0);

        LifecycleDecision d = policy.decide(input);

        assertThat(d.move()).contains(new Transition(Optional.of("recycled"), "lead", Side.SALESFORCE,
                Optional.of("asked for a demo")));
        assertThat(d.hubspotWrites()).isEqualTo(Map.of("hs_lead_status", "", "baton_lifecycle_reason", "asked for a demo"));
        assertThat(d.hubspotReading()).contains("lead");
    }
}
