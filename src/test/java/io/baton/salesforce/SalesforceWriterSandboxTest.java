package io.baton.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.core.record.CrmException;
import io.baton.core.record.RecordRef;
import io.baton.core.record.RecordWrite;
import io.baton.core.record.Side;
import io.baton.core.record.WriteResult;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.http.CallCounter;
import io.baton.sandbox.salesforce.SObjectRecord;
import io.baton.sandbox.salesforce.SalesforceOrg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer end to end: a real CamelContext and camel-salesforce's sObject Collections operations
 * against the Salesforce sandbox; API calls read from the sandbox's call counter.
 */
class SalesforceWriterSandboxTest {

    static final String UPSERT = "PATCH /services/data/v60.0/composite/sobjects/{type}/{field}";
    static final String UPDATE = "PATCH /services/data/v60.0/composite/sobjects";
    static final String EXT = SalesforceWriter.EXTERNAL_ID;

    private Sandbox sandbox;
    private CamelSalesforce camel;
    private SalesforceWriter writer;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.forTests());
        camel = CamelSalesforce.at(sandbox.salesforceUrl());
        writer = new SalesforceWriter(camel.gateway());
    }

    @AfterEach
    void stop() {
        camel.close();
        sandbox.close();
    }

    private SalesforceOrg org() {
        return sandbox.salesforce().org();
    }

    private CallCounter calls() {
        return sandbox.salesforceServer().counter();
    }

    static RecordWrite lead(int i) {
        return lead(i, Map.of());
    }

    static RecordWrite lead(int i, Map<String, String> overrides) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(EXT, "hs-" + i);
        f.put("LastName", "Lee" + i);
        f.put("Company", "Acme");
        f.put("Email", "lead" + i + "@acme.com");
        f.putAll(overrides);
        f.values().removeIf(v -> v == null);
        return RecordWrite.create("k" + i, Side.SALESFORCE, "Lead", f);
    }

    private static List<RecordWrite> leads(int n) {
        return IntStream.range(0, n).mapToObj(SalesforceWriterSandboxTest::lead).toList();
    }

    private String seedLead(int i) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return org().seed("Lead", Map.of("LastName", "Old" + i, "Company", "Acme", "Email", "old" + i + "@acme.com"), t, t);
    }

    @Test
    void fourHundredFiftyLeadCreatesAreThreeUpsertCallsWithResultsInInputOrder() {
        List<WriteResult> results = writer.write(leads(450));

        assertThat(calls().count(UPSERT)).isEqualTo(3);
        assertThat(results).hasSize(450).allMatch(WriteResult::succeeded).allMatch(WriteResult::created);
        for (int i = 0; i < 450; i++) {
            WriteResult r = results.get(i);
            assertThat(r.key()).isEqualTo("k" + i);
            SObjectRecord row = org().find(r.id().orElseThrow()).orElseThrow();
            assertThat(row.get(EXT)).isEqualTo("hs-" + i);
            assertThat(row.get("LastName")).isEqualTo("Lee" + i);
        }
        assertThat(org().liveRows("Lead")).hasSize(450);
    }

    @Test
    void replayingTheSameCreatesWritesNoNewRow() {
        List<WriteResult> first = writer.write(leads(250));
        List<WriteResult> again = writer.write(leads(250));

        assertThat(org().liveRows("Lead")).hasSize(250);
        assertThat(again).allMatch(WriteResult::succeeded).noneMatch(WriteResult::created);
        assertThat(again).extracting(WriteResult::id).isEqualTo(first.stream().map(WriteResult::id).toList());
        assertThat(calls().count(UPSERT)).isEqualTo(4);
    }

    @Test
    void twoHundredFiftyUpdatesAreTwoCalls() {
        List<RecordWrite> updates = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            updates.add(RecordWrite.update("u" + i, RecordRef.salesforce("Lead", seedLead(i)),
                    Map.of("Status", "Working - Contacted", "Title", "T" + i)));
        }
        List<WriteResult> results = writer.write(updates);

        assertThat(calls().count(UPDATE)).isEqualTo(2);
        assertThat(results).allMatch(WriteResult::succeeded).noneMatch(WriteResult::created);
        for (int i = 0; i < 250; i++) {
            assertThat(results.get(i).key()).isEqualTo("u" + i);
            SObjectRecord row = org().find(updates.get(i).id().orElseThrow()).orElseThrow();
            assertThat(row.get("Status")).isEqualTo("Working - Contacted");
            assertThat(row.get("Title")).isEqualTo("T" + i);
        }
    }

    @Test
    void eachBadRecordFailsAloneWithSalesforcesCodeWhileTheRestAreWritten() {
        sandbox.salesforceServer().faults().failRecord("hs-7", "UNABLE_TO_LOCK_ROW");
        List<RecordWrite> writes = new ArrayList<>(leads(200));
        writes.set(3, lead(3, nullValue("LastName")));
        writes.set(5, lead(5, Map.of("Status", "Not A Status")));
        writes.set(6, lead(6, Map.of("Email", "not-an-email")));

        List<WriteResult> results = writer.write(writes);

        assertThat(calls().count(UPSERT)).isEqualTo(1);
        assertFailure(results.get(3), CrmException.Kind.RECORD, "REQUIRED_FIELD_MISSING");
        assertFailure(results.get(5), CrmException.Kind.RECORD, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertFailure(results.get(6), CrmException.Kind.RECORD, "INVALID_EMAIL_ADDRESS");
        assertFailure(results.get(7), CrmException.Kind.RETRIABLE, "UNABLE_TO_LOCK_ROW");
        assertThat(results.get(6).failure().orElseThrow().message()).contains("not-an-email");
        assertThat(results).filteredOn(WriteResult::succeeded).hasSize(196);
        assertThat(org().liveRows("Lead")).hasSize(196);
    }

    @Test
    void aBadRecordInAnUpdateBatchFailsAlone() {
        List<RecordWrite> updates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            updates.add(RecordWrite.update("u" + i, RecordRef.salesforce("Lead", seedLead(i)),
                    Map.of("LeadSource", i == 4 ? "Carrier Pigeon" : "Web")));
        }
        List<WriteResult> results = writer.write(updates);

        assertThat(calls().count(UPDATE)).isEqualTo(1);
        assertFailure(results.get(4), CrmException.Kind.RECORD, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(results).filteredOn(WriteResult::succeeded).hasSize(9);
    }

    @Test
    void anEmptyValueClearsTheFieldInTheOrg() {
        String id = writer.write(List.of(lead(1, Map.of("Title", "CTO", "Phone", "+1 555 0100"))))
                .get(0).id().orElseThrow();
        assertThat(org().find(id).orElseThrow().get("Title")).isEqualTo("CTO");

        WriteResult cleared = writer.write(List.of(RecordWrite.update("k1", RecordRef.salesforce("Lead", id),
                Map.of("Title", "", "Phone", "")))).get(0);

        assertThat(cleared.succeeded()).isTrue();
        assertThat(org().find(id).orElseThrow().get("Title")).isNull();
        assertThat(org().find(id).orElseThrow().get("Phone")).isNull();
        assertThat(org().find(id).orElseThrow().get("LastName")).isEqualTo("Lee1");
    }

    @Test
    void leadAndContactCreatesGoToTheirOwnUpsertEndpoints() {
        List<RecordWrite> writes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            writes.add(i % 2 == 0 ? lead(i) : RecordWrite.create("c" + i, Side.SALESFORCE, "Contact",
                    Map.of(EXT, "hs-c" + i, "LastName", "Ng" + i, "Email", "c" + i + "@acme.com")));
        }
        List<WriteResult> results = writer.write(writes);

        assertThat(calls().count(UPSERT)).isEqualTo(2);
        assertThat(results).allMatch(WriteResult::succeeded).allMatch(WriteResult::created);
        for (int i = 0; i < 6; i++) {
            assertThat(results.get(i).id().orElseThrow()).startsWith(i % 2 == 0 ? "00Q" : "003");
        }
        assertThat(org().liveRows("Lead")).hasSize(3);
        assertThat(org().liveRows("Contact")).hasSize(3);
    }

    @Test
    void theSameExternalIdTwiceInOneWriteIsTwoCallsAndOneRecord() {
        List<RecordWrite> writes = List.of(lead(1, Map.of("Title", "first")), lead(2), lead(1, Map.of("Title", "second")));

        List<WriteResult> results = writer.write(writes);

        assertThat(calls().count(UPSERT)).isEqualTo(2);
        assertThat(results).allMatch(WriteResult::succeeded);
        assertThat(results.get(0).created()).isTrue();
        assertThat(results.get(2).created()).isFalse();
        assertThat(results.get(2).id()).isEqualTo(results.get(0).id());
        assertThat(org().liveRows("Lead")).hasSize(2);
        assertThat(org().find(results.get(0).id().orElseThrow()).orElseThrow().get("Title")).isEqualTo("second");
    }

    @Test
    void aCreateWithoutTheExternalIdFailsWithoutACall() {
        RecordWrite noId = RecordWrite.create("x", Side.SALESFORCE, "Lead", Map.of("LastName", "Lee", "Company", "Acme"));

        List<WriteResult> results = writer.write(List.of(noId, lead(1)));

        assertFailure(results.get(0), CrmException.Kind.RECORD, "MISSING_EXTERNAL_ID");
        assertThat(results.get(1).succeeded()).isTrue();
        assertThat(calls().count(UPSERT)).isEqualTo(1);
        assertThat(org().liveRows("Lead")).hasSize(1);
    }

    @Test
    void anExhaustedDailyBudgetIsThrownRetriableAndTheRetryLosesNothing() {
        camel.gateway().dailyApiRequests(); // log in first: the budget does not cover the token endpoint anyway
        sandbox.salesforce().resetBudget(1);
        List<RecordWrite> writes = leads(450);

        assertThatThrownBy(() -> writer.write(writes)).isInstanceOfSatisfying(CrmException.class, e -> {
            assertThat(e.kind()).isEqualTo(CrmException.Kind.RETRIABLE);
            assertThat(e.code()).as("the org's refusal is a spent allocation: the sync pauses").isEqualTo("BUDGET_SPENT");
        });
        assertThat(org().liveRows("Lead")).hasSize(200);

        sandbox.salesforce().resetBudget(100_000);
        camel.gateway().dailyApiRequests(); // what the pause's recheck does: the free /limits call shows budget again
        List<WriteResult> retried = writer.write(writes);

        assertThat(retried).allMatch(WriteResult::succeeded);
        assertThat(retried.subList(0, 200)).noneMatch(WriteResult::created);
        assertThat(retried.subList(200, 450)).allMatch(WriteResult::created);
        assertThat(org().liveRows("Lead")).hasSize(450);
    }

    @Test
    void anUpdateWithNothingToChangeCostsNoCall() {
        String id = seedLead(1);

        WriteResult r = writer.write(List.of(RecordWrite.update("u", RecordRef.salesforce("Lead", id), Map.of()))).get(0);

        assertThat(r).isEqualTo(WriteResult.succeeded("u", id, false));
        assertThat(calls().count(UPDATE)).isZero();
    }

    @Test
    void theOwnerSentIsKeptWhenTheOrgHasALeadAssignmentRule() {
        String rep = org().seedUser("rep@corp.com", "Rita", "Rep");
        String queueOwner = org().seedUser("router@corp.com", "Rule", "Owner");
        org().setLeadAssignmentRule(queueOwner);

        String id = writer.write(List.of(lead(1, Map.of("OwnerId", rep)))).get(0).id().orElseThrow();

        assertThat(org().find(id).orElseThrow().get("OwnerId")).isEqualTo(rep);
    }

    private static Map<String, String> nullValue(String field) {
        Map<String, String> m = new HashMap<>();
        m.put(field, null);
        return m;
    }

    private static void assertFailure(WriteResult r, CrmException.Kind kind, String code) {
        assertThat(r.succeeded()).as(r.key() + " failed").isFalse();
        assertThat(r.failure().orElseThrow().kind()).isEqualTo(kind);
        assertThat(r.failure().orElseThrow().code()).isEqualTo(code);
        assertThat(r.id()).isEmpty();
    }
}
