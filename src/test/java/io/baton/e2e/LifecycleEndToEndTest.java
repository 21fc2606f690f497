package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.baton.core.record.Side;
import io.baton.store.LifecycleEvent;
import io.baton.store.LifecycleRepository;
import io.baton.store.LifecycleState;
import io.baton.store.RecordLink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared lifecycle across both CRMs with the shipped lifecycle.yml: the handoff, a rep's
 * acceptance, a backward move refused and corrected, disqualifying, recycling (HubSpot's
 * clear-then-set) and conversion — every move audited, and a quiet pass after each writes nothing.
 */
class LifecycleEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("lifecycle");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
    }

    @Autowired
    LifecycleRepository lifecycle;

    @Test
    void anMqlHandedToSalesforceIsAcceptedWhenARepStartsWorkingIt() {
        HandedOff p = handedOff("ana@handoff.example");
        String contact = p.contact();
        RecordLink link = p.link();
        String lead = p.lead();
        assertThat(people.salesforce(lead).get("Lifecycle_Stage__c")).isEqualTo("MQL");
        assertThat(stateOf(link).stage()).isEqualTo("mql");

        people.editInSalesforce(lead, Map.of("Status", "Working - Contacted"));
        sync.syncUntilQuiet(5);

        LifecycleState state = stateOf(link);
        assertThat(state.stage()).isEqualTo("sal");
        assertThat(state.touchedAt()).isPresent();
        assertThat(people.salesforce(lead).get("Lifecycle_Stage__c")).isEqualTo("SAL");
        assertThat(people.hubspotContact(contact).orElseThrow().property("hs_lead_status")).isEqualTo("IN_PROGRESS");
        assertThat(people.hubspotContact(contact).orElseThrow().property("lifecyclestage"))
                .as("HubSpot has no SAL: it keeps showing MQL").isEqualTo(SandboxPeople.MQL);
        assertThat(lifecycle.events(link.id())).extracting(LifecycleEvent::fromStage, LifecycleEvent::toStage,
                        LifecycleEvent::sourceSide, LifecycleEvent::outcome)
                .containsExactly(tuple(java.util.Optional.empty(), "mql", java.util.Optional.of(Side.HUBSPOT),
                                LifecycleEvent.Outcome.MOVED),
                        tuple(java.util.Optional.of("mql"), "sal", java.util.Optional.of(Side.SALESFORCE),
                                LifecycleEvent.Outcome.MOVED));
        assertThat(lifecycle.events(link.id()).get(1).actor()).as("the rep who changed the status").startsWith("005");
        assertQuietPassWritesNothing();
    }

    @Test
    void aRepsBackwardMoveInSalesforceIsRefusedAuditedAndCorrected() {
        HandedOff p = handedOff("ben@backward.example");
        String contact = p.contact();
        RecordLink link = p.link();
        String lead = p.lead();

        people.editInSalesforce(lead, Map.of("Lifecycle_Stage__c", "Subscriber"));
        sync.syncUntilQuiet(5);

        assertThat(stateOf(link).stage()).isEqualTo("mql");
        assertThat(people.salesforce(lead).get("Lifecycle_Stage__c")).as("corrected back").isEqualTo("MQL");
        assertThat(people.hubspotContact(contact).orElseThrow().property("lifecyclestage")).isEqualTo(SandboxPeople.MQL);
        assertThat(lifecycle.events(link.id())).filteredOn(e -> e.outcome() == LifecycleEvent.Outcome.REFUSED)
                .singleElement().satisfies(e -> {
                    assertThat(e.toStage()).isEqualTo("subscriber");
                    assertThat(e.sourceSide()).contains(Side.SALESFORCE);
                    assertThat(e.reason()).isPresent();
                });
        assertQuietPassWritesNothing();
    }

    @Test
    void aLeadClosedInSalesforceIsDisqualifiedInBothSystemsWithItsReason() {
        HandedOff p = handedOff("cat@closed.example");
        String contact = p.contact();
        RecordLink link = p.link();
        String lead = p.lead();

        people.editInSalesforce(lead, Map.of("Status", "Closed - Not Converted", "Lifecycle_Reason__c", "No budget"));
        sync.syncUntilQuiet(5);

        assertThat(stateOf(link).stage()).isEqualTo("disqualified");
        assertThat(stateOf(link).reason()).contains("No budget");
        assertThat(people.hubspotContact(contact).orElseThrow().property("baton_lifecycle_reason"))
                .as("the reason reaches HubSpot").isEqualTo("No budget");
        assertThat(people.salesforce(lead).get("Lifecycle_Stage__c")).isEqualTo("Disqualified");
        assertThat(people.hubspotContact(contact).orElseThrow().property("lifecyclestage")).isEqualTo("other");
        assertThat(people.hubspotContact(contact).orElseThrow().property("hs_lead_status")).isEqualTo("UNQUALIFIED");
        assertQuietPassWritesNothing();
    }

    @Test
    void recyclingInHubSpotClearsTheStageThenSetsItBecauseHubSpotIgnoresABackwardSet() {
        HandedOff p = handedOff("dan@recycled.example");
        String contact = p.contact();
        RecordLink link = p.link();
        String lead = p.lead();
        people.editInSalesforce(lead, Map.of("Status", "Working - Contacted"));
        sync.syncUntilQuiet(5);

        people.editInHubSpot(contact, Map.of("hs_lead_status", "BAD_TIMING"));
        sync.syncUntilQuiet(5);

        assertThat(stateOf(link).stage()).isEqualTo("recycled");
        assertThat(people.salesforce(lead).get("Lifecycle_Stage__c")).isEqualTo("Recycled");
        assertThat(people.hubspotContact(contact).orElseThrow().property("lifecyclestage"))
                .as("moved back from marketingqualifiedlead through a clear").isEqualTo("lead");
        assertQuietPassWritesNothing();
    }

    @Test
    void aConvertedLeadMakesThePersonSalesQualifiedOnBothSides() {
        HandedOff p = handedOff("eve@converted.example");
        String contact = p.contact();
        RecordLink link = p.link();
        String lead = p.lead();

        people.afterTheLastSyncedMillisecond();
        String salesforceContact = sandbox.salesforce().org().convertLead(lead, false).contactId();
        sync.syncUntilQuiet(5);

        assertThat(links.findByHubSpotId(contact).orElseThrow().convertedLeadId()).contains(lead);
        assertThat(stateOf(link).stage()).isEqualTo("sql");
        assertThat(people.salesforce(salesforceContact).get("Lifecycle_Stage__c")).isEqualTo("SQL");
        assertThat(people.hubspotContact(contact).orElseThrow().property("lifecyclestage")).isEqualTo("salesqualifiedlead");
        assertQuietPassWritesNothing();
    }

    @Test
    void theOpportunityItsConversionMadeMovesThePersonToOpportunityAndWinningItToCustomer() {
        HandedOff p = handedOff("ivy@won.example");
        people.afterTheLastSyncedMillisecond();
        var conversion = sandbox.salesforce().org().convertLead(p.lead(), true);
        sync.syncUntilQuiet(5);

        assertThat(stateOf(p.link()).stage()).as("an open opportunity").isEqualTo("opportunity");
        assertThat(people.hubspotContact(p.contact()).orElseThrow().property("lifecyclestage")).isEqualTo("opportunity");

        people.editInSalesforce(conversion.opportunityId().orElseThrow(), Map.of("StageName", "Closed Won"));
        sync.syncUntilQuiet(5);

        assertThat(stateOf(p.link()).stage()).isEqualTo("customer");
        assertThat(people.salesforce(conversion.contactId()).get("Lifecycle_Stage__c")).isEqualTo("Customer");
        assertThat(people.hubspotContact(p.contact()).orElseThrow().property("lifecyclestage")).isEqualTo("customer");
        assertQuietPassWritesNothing();
    }

    @Test
    void aSalesforceOnlyLeadBringsItsStageIntoTheHubSpotContactItCreates() {
        String lead = people.salesforceLead("fay@sf-first.example", Map.of("Status", "Working - Contacted",
                "Lifecycle_Stage__c", "SAL"));
        sync.syncUntilQuiet(5);

        RecordLink link = links.findBySalesforceId(lead).orElseThrow();
        assertThat(stateOf(link).stage()).isEqualTo("sal");
        var created = people.hubspotContact(link.hubspotId().orElseThrow()).orElseThrow();
        assertThat(List.of(created.property("lifecyclestage"), created.property("hs_lead_status")))
                .containsExactly(SandboxPeople.MQL, "IN_PROGRESS");
        assertQuietPassWritesNothing();
    }

    /** An MQL created in HubSpot and synced: its contact, link and Lead. */
    private record HandedOff(String contact, RecordLink link, String lead) {
    }

    private HandedOff handedOff(String email) {
        String contact = people.hubspotMql(email, Map.of());
        sync.syncUntilQuiet(5);
        RecordLink link = links.findByHubSpotId(contact).orElseThrow();
        return new HandedOff(contact, link, link.salesforceId().orElseThrow());
    }

    @Test
    void aBackfilledMqlKeepsTheDayItEnteredTheStageInHubSpot() {
        java.time.Instant entered = sandbox.clock().instant().minus(java.time.Duration.ofDays(3)).truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS);
        String contact = sandbox.hubspot().store().seedContact(Map.of("email", "gus@backfill.example", "lastname", "Gus",
                "company", "Initech", "lifecyclestage", SandboxPeople.MQL), entered, entered);
        people.editInHubSpot(contact, Map.of("jobtitle", "CFO"));
        sync.syncUntilQuiet(5);

        LifecycleState state = stateOf(links.findByHubSpotId(contact).orElseThrow());

        assertThat(state.stageEnteredAt()).as("hs_lifecyclestage_marketingqualifiedlead_date, not the sync's clock")
                .isEqualTo(entered);
    }

    private LifecycleState stateOf(RecordLink link) {
        return lifecycle.find(link.id()).orElseThrow();
    }

    private void assertQuietPassWritesNothing() {
        SandboxPeople.Calls before = people.calls();
        sync.syncUntilQuiet(5);
        SandboxPeople.Calls pass = people.calls().minus(before);
        assertThat(pass.hubspotWrites() + pass.salesforceWrites()).as("writes in a quiet pass: %s", pass).isZero();
    }
}
