package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import io.baton.sandbox.salesforce.SObjectRecord;
import io.baton.store.ConflictRepository;
import io.baton.store.RecordLink;
import io.baton.store.SyncCursorRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Issue 3's "converge" list against empty sandbox CRMs: each test seeds exactly the people it
 * talks about (emails unique per test), runs whole passes, and checks both systems and the store.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoWayConvergenceEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("converge");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
    }

    @Autowired
    ConflictRepository conflicts;

    @Autowired
    JdbcClient jdbc;

    /** Real, except where a test makes one commit fail to simulate a crash before it. */
    @MockitoSpyBean
    SyncCursorRepository cursors;

    @Test
    @Order(1)
    void createsConvergeBothWaysAndAKnownAccountDomainMakesAContactOnThatAccount() {
        Instant now = sandbox.clock().instant();
        String globex = sandbox.salesforce().org().seed("Account",
                Map.of("Name", "Globex", "Website", "https://www.Globex.example/about"), now, now);
        String ada = people.hubspotMql("ada@hs-only.example", Map.of("jobtitle", "CTO", "phone", "+1 555 0100"));
        String carl = people.hubspotMql("carl@globex.example", Map.of());
        String sub = people.hubspotMql("sue@subscriber.example", Map.of("lifecyclestage", "subscriber"));
        String bea = people.salesforceLead("bea@sf-only.example", Map.of("Phone", "+1 555 0200", "Title", "COO"));

        sync.syncUntilQuiet(5);

        assertThat(people.salesforceByEmail("Lead", "ada@hs-only.example")).singleElement().satisfies(lead -> {
            assertThat(lead.get("Baton_HubSpot_Id__c")).isEqualTo(ada);
            assertThat(lead.get("Title")).isEqualTo("CTO");
            assertThat(lead.get("Company")).isEqualTo("Initech");
        });
        assertThat(people.hubspotByEmail("bea@sf-only.example")).singleElement().satisfies(contact -> {
            assertThat(contact.property("baton_salesforce_id")).isEqualTo(bea);
            assertThat(contact.property("jobtitle")).isEqualTo("COO");
        });
        assertThat(people.salesforceByEmail("Lead", "carl@globex.example")).isEmpty();
        assertThat(people.salesforceByEmail("Contact", "carl@globex.example")).singleElement().satisfies(contact -> {
            assertThat(contact.get("AccountId")).isEqualTo(globex);
            assertThat(contact.get("Baton_HubSpot_Id__c")).isEqualTo(carl);
        });
        assertThat(people.salesforceByEmail("Lead", "sue@subscriber.example")).as("below MQL: excluded").isEmpty();
        assertThat(links.findByHubSpotId(sub)).isEmpty();
        assertThat(links.findByHubSpotId(ada).flatMap(RecordLink::salesforceId))
                .contains(people.salesforceByEmail("Lead", "ada@hs-only.example").get(0).id());
        assertThat(links.findBySalesforceId(bea).flatMap(RecordLink::hubspotId))
                .contains(people.hubspotByEmail("bea@sf-only.example").get(0).id());
        assertThat(deadLetters.listOpen(10)).isEmpty();
    }

    @Test
    @Order(2)
    void aPassAfterAPassWithNoOutsideChangeSendsNoWrite() {
        sync.syncUntilQuiet(5);
        SandboxPeople.Calls before = people.calls();

        sync.syncUntilQuiet(5);

        SandboxPeople.Calls pass = people.calls().minus(before);
        assertThat(pass.hubspotWrites()).as("HubSpot writes in a quiet pass: %s", pass).isZero();
        assertThat(pass.salesforceWrites()).as("Salesforce writes in a quiet pass: %s", pass).isZero();
    }

    @Test
    @Order(3)
    void blankingATwoWayFieldOnOneSideBlanksItOnTheOther() {
        String ada = people.hubspotByEmail("ada@hs-only.example").get(0).id();
        String adaLead = links.findByHubSpotId(ada).flatMap(RecordLink::salesforceId).orElseThrow();
        String bea = people.salesforceByEmail("Lead", "bea@sf-only.example").get(0).id();
        String beaContact = links.findBySalesforceId(bea).flatMap(RecordLink::hubspotId).orElseThrow();

        people.editInHubSpot(ada, Map.of("jobtitle", ""));
        Map<String, Object> blankPhone = new HashMap<>();
        blankPhone.put("Phone", null);
        people.editInSalesforce(bea, blankPhone);
        sync.syncUntilQuiet(5);

        assertThat(people.salesforce(adaLead).get("Title")).as("Title blanked from HubSpot").isNull();
        assertThat(people.salesforce(adaLead).get("Phone")).as("untouched field kept").isEqualTo("+1 555 0100");
        assertThat(people.hubspotContact(beaContact).orElseThrow().property("phone")).as("phone blanked from Salesforce")
                .isNullOrEmpty();
        assertThat(people.hubspotContact(beaContact).orElseThrow().property("jobtitle")).isEqualTo("COO");
    }

    @Test
    @Order(4)
    void aRepsNewerSalesforceEditWinsOverAnOlderHubSpotEditAndIsLoggedAsAConflict() {
        String ada = people.hubspotByEmail("ada@hs-only.example").get(0).id();
        RecordLink link = links.findByHubSpotId(ada).orElseThrow();
        String lead = link.salesforceId().orElseThrow();

        people.editInHubSpot(ada, Map.of("jobtitle", "VP Marketing"));
        people.editInSalesforce(lead, Map.of("Title", "VP Sales"));
        sync.syncUntilQuiet(5);

        assertThat(people.salesforce(lead).get("Title")).isEqualTo("VP Sales");
        assertThat(people.hubspotContact(ada).orElseThrow().property("jobtitle")).isEqualTo("VP Sales");
        assertThat(conflicts.listForLink(link.id()))
                .extracting(c -> c.field(), c -> c.baseValue().orElse(null), c -> c.hubspotValue().orElse(null),
                        c -> c.salesforceValue().orElse(null), c -> c.winner().orElse(null))
                // The base is the last synced value: blank, since the test before blanked the title.
                .containsExactly(tuple("jobtitle/Title", null, "VP Marketing", "VP Sales", Side.SALESFORCE));
    }

    @Test
    @Order(5)
    void aMarketersNewerHubSpotEditWinsOverAnOlderSalesforceEdit() {
        // The mirror image, so the previous test cannot pass on the tie-breaker (salesforce) alone.
        String ada = people.hubspotByEmail("ada@hs-only.example").get(0).id();
        RecordLink link = links.findByHubSpotId(ada).orElseThrow();
        String lead = link.salesforceId().orElseThrow();

        people.editInSalesforce(lead, Map.of("Title", "Head of Sales"));
        people.editInHubSpot(ada, Map.of("jobtitle", "Head of Growth"));
        sync.syncUntilQuiet(5);

        assertThat(people.salesforce(lead).get("Title")).isEqualTo("Head of Growth");
        assertThat(people.hubspotContact(ada).orElseThrow().property("jobtitle")).isEqualTo("Head of Growth");
        assertThat(conflicts.listForLink(link.id())).hasSize(2)
                .anySatisfy(c -> assertThat(c.winner()).contains(Side.HUBSPOT));
    }

    @Test
    @Order(6)
    void anOlderHubSpotEditStaysLostWhenTheContactIsTouchedAgainAfterTheRepsEdit() {
        // The contact's lastmodifieddate moves with any property; the jobtitle itself is older
        // than the rep's Title, so the rep's value must still win.
        String ada = people.hubspotByEmail("ada@hs-only.example").get(0).id();
        RecordLink link = links.findByHubSpotId(ada).orElseThrow();
        String lead = link.salesforceId().orElseThrow();

        people.editInHubSpot(ada, Map.of("jobtitle", "Director of Demand"));
        people.editInSalesforce(lead, Map.of("Title", "Director of Sales"));
        people.editInHubSpot(ada, Map.of("phone", "+1 555 0101"));
        sync.syncUntilQuiet(5);

        assertThat(people.salesforce(lead).get("Title")).isEqualTo("Director of Sales");
        assertThat(people.hubspotContact(ada).orElseThrow().property("jobtitle")).isEqualTo("Director of Sales");
        assertThat(people.salesforce(lead).get("Phone")).isEqualTo("+1 555 0101");
    }

    @Test
    @Order(7)
    void aConvertedLeadHandsItsLinkToTheContactWithoutADuplicateHubSpotContact() {
        String ada = people.hubspotByEmail("ada@hs-only.example").get(0).id();
        String adaLead = links.findByHubSpotId(ada).flatMap(RecordLink::salesforceId).orElseThrow();
        String bea = people.salesforceByEmail("Lead", "bea@sf-only.example").get(0).id();
        String beaHubSpot = links.findBySalesforceId(bea).flatMap(RecordLink::hubspotId).orElseThrow();
        int hubspotContacts = sandbox.hubspot().store().count();

        people.afterTheLastSyncedMillisecond();
        String adaContact = sandbox.salesforce().org().convertLead(adaLead, true).contactId();
        String beaContact = sandbox.salesforce().org().convertLead(bea, false).contactId();
        sync.syncUntilQuiet(5);

        assertThat(links.findByHubSpotId(ada).flatMap(RecordLink::salesforce))
                .hasValueSatisfying(ref -> assertThat(ref.type() + ":" + ref.id()).isEqualTo("Contact:" + adaContact));
        assertThat(links.findByHubSpotId(beaHubSpot).flatMap(RecordLink::salesforce))
                .hasValueSatisfying(ref -> assertThat(ref.type() + ":" + ref.id()).isEqualTo("Contact:" + beaContact));
        assertThat(sandbox.hubspot().store().count()).as("no HubSpot contact for the new Contacts").isEqualTo(hubspotContacts);

        people.editInHubSpot(ada, Map.of("jobtitle", "Chief Revenue Officer"));
        people.editInHubSpot(beaHubSpot, Map.of("jobtitle", "Chief of Staff"));
        sync.syncUntilQuiet(5);

        assertThat(people.salesforce(adaContact).get("Title")).isEqualTo("Chief Revenue Officer");
        assertThat(people.salesforce(beaContact).get("Title")).isEqualTo("Chief of Staff");
        assertThat(sandbox.hubspot().store().count()).isEqualTo(hubspotContacts);
        assertThat(people.salesforceByEmail("Lead", "ada@hs-only.example")).as("no new Lead").isEmpty();
        assertThat(people.salesforceByEmail("Contact", "ada@hs-only.example")).hasSize(1);
    }

    @Test
    @Order(8)
    void aHubSpotMergeRepointsTheLinkToTheSurvivorAndCreatesNothingInSalesforce() {
        String merged = people.hubspotMql("dan@merge.example", Map.of());
        sync.syncUntilQuiet(5);
        String lead = links.findByHubSpotId(merged).flatMap(RecordLink::salesforceId).orElseThrow();
        // The survivor is a second, not yet synced copy of Dan (below MQL, so never linked).
        String survivor = people.hubspotMql("dan.work@merge.example", Map.of("lifecyclestage", "lead"));
        sync.syncUntilQuiet(5);
        long leads = sandbox.salesforce().org().liveRows("Lead").size();

        people.afterTheLastSyncedMillisecond();
        sandbox.hubspot().store().merge(survivor, merged);
        sync.syncUntilQuiet(5);

        assertThat(links.findBySalesforceId(lead).flatMap(RecordLink::hubspotId)).contains(survivor);
        assertThat(sandbox.salesforce().org().liveRows("Lead")).hasSize((int) leads);

        people.editInHubSpot(survivor, Map.of("jobtitle", "Survivor"));
        sync.syncUntilQuiet(5);
        assertThat(people.salesforce(lead).get("Title")).isEqualTo("Survivor");
        assertThat(sandbox.salesforce().org().liveRows("Lead")).hasSize((int) leads);
    }

    @Test
    @Order(9)
    void aSalesforceLeadMergeRepointsTheLinkToTheMaster() {
        String hubspot = people.hubspotMql("eve@merge.example", Map.of());
        sync.syncUntilQuiet(5);
        String loser = links.findByHubSpotId(hubspot).flatMap(RecordLink::salesforceId).orElseThrow();
        // A rep's duplicate of Eve: Baton reports it and leaves it unsynced, until the rep merges.
        String master = people.salesforceLead("EVE@merge.example", Map.of("Title", "Typed by a rep"));
        sync.syncUntilQuiet(5);
        int hubspotContacts = sandbox.hubspot().store().count();

        people.afterTheLastSyncedMillisecond();
        sandbox.salesforce().org().merge("Lead", master, loser);
        sync.syncUntilQuiet(5);

        assertThat(links.findByHubSpotId(hubspot).flatMap(RecordLink::salesforceId)).contains(master);
        assertThat(people.hubspotContact(hubspot).orElseThrow().property("jobtitle"))
                .as("the master's own values sync in the merge's pass").isEqualTo("Typed by a rep");
        people.editInHubSpot(hubspot, Map.of("jobtitle", "Merged Eve"));
        sync.syncUntilQuiet(5);
        assertThat(people.salesforce(master).get("Title")).isEqualTo("Merged Eve");
        assertThat(sandbox.hubspot().store().count()).isEqualTo(hubspotContacts);
        assertThat(people.salesforceByEmail("Lead", "eve@merge.example")).extracting(SObjectRecord::id).containsExactly(master);
    }

    @Test
    @Order(10)
    void aPageReplayedAfterACrashBeforeItsCommitCreatesNothingTwice() {
        String fay = people.hubspotMql("fay@replay.example", Map.of());
        String gus = people.hubspotMql("gus@replay.example", Map.of());
        String hal = people.salesforceLead("hal@replay.example", Map.of());
        doThrow(new IllegalStateException("simulated crash before the commit")).doCallRealMethod()
                .when(cursors).commit(eq("hubspot:contacts"), any());
        doThrow(new IllegalStateException("simulated crash before the commit")).doCallRealMethod()
                .when(cursors).commit(eq("salesforce:Lead"), any());
        int leads = sandbox.salesforce().org().liveRows("Lead").size();

        assertThatThrownBy(sync::syncHubSpot).hasMessageContaining("simulated crash");
        List<String> written = List.of(people.salesforceByEmail("Lead", "fay@replay.example").get(0).id(),
                people.salesforceByEmail("Lead", "gus@replay.example").get(0).id());
        assertThat(links.findByHubSpotId(fay)).as("the link went with the page").isEmpty();
        SandboxPeople.Calls before = people.calls();
        sync.syncHubSpot();
        SandboxPeople.Calls replay = people.calls().minus(before);
        System.out.printf("replayed HubSpot page: %s%n", replay);

        assertThat(sandbox.salesforce().org().liveRows("Lead")).hasSize(leads + 2);
        assertThat(List.of(people.salesforceByEmail("Lead", "fay@replay.example"),
                people.salesforceByEmail("Lead", "gus@replay.example")))
                .allSatisfy(rows -> assertThat(rows).hasSize(1))
                .extracting(rows -> rows.get(0).id()).containsExactlyElementsOf(written);
        assertThat(links.findByHubSpotId(fay).flatMap(RecordLink::salesforceId)).contains(written.get(0));
        assertThat(links.findByHubSpotId(gus).flatMap(RecordLink::salesforceId)).contains(written.get(1));

        int contacts = sandbox.hubspot().store().count();
        assertThatThrownBy(sync::syncSalesforce).hasMessageContaining("simulated crash");
        String halContact = people.hubspotByEmail("hal@replay.example").get(0).id();
        assertThat(sandbox.hubspot().store().count()).as("written before the crash").isEqualTo(contacts + 1);
        sync.syncSalesforce();

        assertThat(sandbox.hubspot().store().count()).isEqualTo(contacts + 1);
        assertThat(people.hubspotByEmail("hal@replay.example")).extracting(c -> c.id()).containsExactly(halContact);
        assertThat(links.findBySalesforceId(hal).flatMap(RecordLink::hubspotId)).contains(halContact);
    }

    @Test
    @Order(11)
    void aRestartFromTheBeginningOfEveryStreamWritesNothingAndCreatesNothing() {
        sync.syncUntilQuiet(5);
        int leads = sandbox.salesforce().org().liveRows("Lead").size();
        int contacts = sandbox.salesforce().org().liveRows("Contact").size();
        int hubspotContacts = sandbox.hubspot().store().count();
        jdbc.sql("DELETE FROM sync_cursor").update();
        SandboxPeople.Calls before = people.calls();

        sync.syncUntilQuiet(5);

        SandboxPeople.Calls rerun = people.calls().minus(before);
        assertThat(rerun.writes()).as("writes re-reading everything: %s", rerun).isZero();
        assertThat(sandbox.salesforce().org().liveRows("Lead")).hasSize(leads);
        assertThat(sandbox.salesforce().org().liveRows("Contact")).hasSize(contacts);
        assertThat(sandbox.hubspot().store().count()).isEqualTo(hubspotContacts);
    }

    @Test
    @Order(12)
    void aRecordSalesforceRejectsIsDeadLetteredWithoutBlockingItsBatchAndSyncsOnceFixed() {
        String ivy = people.hubspotMql("ivy@reject.example", Map.of("company", ""));
        String jon = people.hubspotMql("jon@reject.example", Map.of());
        String kim = people.hubspotMql("kim@reject.example", Map.of());
        SandboxPeople.Calls before = people.calls();

        sync.syncHubSpot();

        assertThat(people.calls().minus(before).salesforceWrites()).as("the page went in one call").isEqualTo(1);
        assertThat(people.salesforceByEmail("Lead", "jon@reject.example")).hasSize(1);
        assertThat(people.salesforceByEmail("Lead", "kim@reject.example")).hasSize(1);
        assertThat(people.salesforceByEmail("Lead", "ivy@reject.example")).isEmpty();
        assertThat(deadLetters.findOpen(RecordRef.hubspotContact(ivy), "hubspot:contacts")).hasValueSatisfying(d ->
                assertThat(d.reason()).startsWith("REQUIRED_FIELD_MISSING").contains("Company"));
        assertThat(deadLetters.listOpen(10)).extracting(d -> d.record().id()).containsExactly(ivy);

        people.editInHubSpot(ivy, Map.of("company", "Umbrella"));
        sync.syncUntilQuiet(5);

        assertThat(people.salesforceByEmail("Lead", "ivy@reject.example")).singleElement().satisfies(lead -> {
            assertThat(lead.get("Company")).isEqualTo("Umbrella");
            assertThat(lead.get("Baton_HubSpot_Id__c")).isEqualTo(ivy);
        });
        assertThat(links.findByHubSpotId(ivy)).isPresent();
        assertThat(deadLetters.findOpen(RecordRef.hubspotContact(ivy), "hubspot:contacts")).as("resolved once synced").isEmpty();
        assertThat(links.findByHubSpotId(jon)).isPresent();
        assertThat(links.findByHubSpotId(kim)).isPresent();
    }
}
