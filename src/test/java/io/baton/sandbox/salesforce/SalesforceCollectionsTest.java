package io.baton.sandbox.salesforce;

import static io.baton.sandbox.salesforce.SalesforceTestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** B.4 sObject Collections: limits, allOrNone, per-item statusCode errors, created flags, retrieve nulls. */
class SalesforceCollectionsTest {

    private static final String UPSERT = API + "/composite/sobjects/Lead/Baton_HubSpot_Id__c";

    private final SalesforceTestServer sf = new SalesforceTestServer();

    @AfterEach
    void stop() {
        sf.close();
    }

    private static String lead(String fields) {
        return "{\"attributes\":{\"type\":\"Lead\"}," + fields + "}";
    }

    private static String body(boolean allOrNone, String... records) {
        return "{\"allOrNone\":" + allOrNone + ",\"records\":[" + String.join(",", records) + "]}";
    }

    private JsonNode firstError(JsonNode item) {
        return item.path("errors").get(0);
    }

    @Test
    void upsertMatchesTheDocumentedExample() {
        String existing = sf.org().seed("Lead", Map.of("LastName", "Lee", "Company", "Acme", "Baton_HubSpot_Id__c", "101"),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
        var r = sf.call("PATCH", UPSERT, body(false,
                lead("\"Baton_HubSpot_Id__c\":\"101\",\"LastName\":\"Lee\",\"Company\":\"Acme\",\"Email\":\"ann@acme.com\","
                        + "\"Status\":\"Working - Contacted\""),
                lead("\"Baton_HubSpot_Id__c\":\"9001\",\"LastName\":\"Ng\",\"Email\":\"new@y.com\"")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get(0).toString()).isEqualTo("{\"id\":\"" + existing
                + "\",\"success\":true,\"errors\":[],\"created\":false}");
        assertThat(r.json().get(1).toString()).isEqualTo("{\"success\":false,\"errors\":[{\"statusCode\":"
                + "\"REQUIRED_FIELD_MISSING\",\"message\":\"Required fields are missing: [Company]\",\"fields\":[\"Company\"]}]}");
        assertThat(sf.org().find(existing).orElseThrow().get("Email")).isEqualTo("ann@acme.com");
    }

    @Test
    void allOrNoneRollsEverythingBack() {
        var r = sf.call("POST", API + "/composite/sobjects", body(true,
                lead("\"LastName\":\"Lee\",\"Company\":\"Acme\""),
                lead("\"LastName\":\"Ng\"")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get(0).toString()).isEqualTo("{\"success\":false,\"errors\":[{\"statusCode\":"
                + "\"ALL_OR_NONE_OPERATION_ROLLED_BACK\",\"message\":\"Record rolled back because not all records were valid"
                + " and the request was using AllOrNone header\",\"fields\":[]}]}");
        assertThat(firstError(r.json().get(1)).path("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(sf.org().rows("Lead")).isEmpty();
    }

    @Test
    void allOrNoneRollbackRestoresUpdatedRows() {
        String id = sf.org().seed("Lead", Map.of("LastName", "Lee", "Company", "Acme", "Baton_HubSpot_Id__c", "1"),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
        sf.call("PATCH", UPSERT, body(true, lead("\"Baton_HubSpot_Id__c\":\"1\",\"Title\":\"VP\""),
                lead("\"Baton_HubSpot_Id__c\":\"2\",\"LastName\":\"X\",\"Company\":\"Y\",\"Email\":\"bad\"")));
        SObjectRecord after = sf.org().find(id).orElseThrow();
        assertThat(after.get("Title")).isNull();
        assertThat(after.get("SystemModstamp")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(sf.org().rows("Lead")).hasSize(1);
    }

    @Test
    void moreThan200RecordsIsRefusedWhole() {
        String records = IntStream.range(0, 201).mapToObj(i -> lead("\"LastName\":\"L" + i + "\",\"Company\":\"C\""))
                .collect(Collectors.joining(","));
        var r = sf.call("POST", API + "/composite/sobjects", "{\"records\":[" + records + "]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get(0).path("errorCode").asText()).isEqualTo("EXCEEDED_ID_LIMIT");
        assertThat(sf.org().rows("Lead")).isEmpty();
        String ok = IntStream.range(0, 200).mapToObj(i -> lead("\"LastName\":\"L" + i + "\",\"Company\":\"C\""))
                .collect(Collectors.joining(","));
        assertThat(sf.call("POST", API + "/composite/sobjects", "{\"records\":[" + ok + "]}").json()).hasSize(200);
    }

    @Test
    void mixedTypeWritesAreLimitedToTenChunks() {
        // B.4: each change of type starts a chunk; {L, C, L, C, ...} of 11 records is 11 chunks.
        String[] eleven = IntStream.range(0, 11).mapToObj(i -> i % 2 == 0 ? lead("\"LastName\":\"L" + i
                + "\",\"Company\":\"C\"") : "{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"C" + i + "\"}")
                .toArray(String[]::new);
        var refused = sf.call("POST", API + "/composite/sobjects", body(false, eleven));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw().body()).isEqualTo("[{\"message\":\"Cannot have more than 10 chunks in a single"
                + " operation. Please rearrange the data to reduce chunking.\",\"errorCode\":\"INVALID_BATCH_OPERATION\"}]");
        assertThat(sf.org().rows("Lead")).isEmpty();
        assertThat(sf.org().rows("Contact")).isEmpty();

        var ten = sf.call("POST", API + "/composite/sobjects", body(false, java.util.Arrays.copyOf(eleven, 10)));
        assertThat(ten.status()).isEqualTo(200);
        assertThat(ten.json()).hasSize(10).allSatisfy(item -> assertThat(item.path("success").asBoolean()).isTrue());

        // Update counts chunks the same way, a record's type coming from its id when attributes omit it.
        String[] updates = new String[11];
        for (int i = 0; i < 10; i++) {
            updates[i] = "{\"id\":\"" + ten.json().get(i).path("id").asText() + "\",\"Title\":\"T\"}";
        }
        updates[10] = updates[0];
        var tooMany = sf.call("PATCH", API + "/composite/sobjects", body(false, updates));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get(0).path("errorCode").asText()).isEqualTo("INVALID_BATCH_OPERATION");
        assertThat(sf.call("PATCH", API + "/composite/sobjects", body(false, java.util.Arrays.copyOf(updates, 10)))
                .json()).hasSize(10);
    }

    @Test
    void eachValidationErrorHasItsStatusCode() {
        String user = sf.org().seedUser("rep@corp.com", "Rita", "Rep");
        var r = sf.call("POST", API + "/composite/sobjects", body(false,
                lead("\"Company\":\"Acme\""),
                lead("\"LastName\":\"A\",\"Company\":\"C\",\"Email\":\"not-an-email\""),
                lead("\"LastName\":\"A\",\"Company\":\"C\",\"Status\":\"Foo\""),
                lead("\"LastName\":\"A\",\"Company\":\"C\",\"LeadSource\":\"Billboard\""),
                lead("\"LastName\":\"A\",\"Company\":\"C\",\"OwnerId\":\"bob\""),
                lead("\"LastName\":\"A\",\"Company\":\"C\",\"OwnerId\":\"005RO0000009999AAA\""),
                lead("\"LastName\":\"A\",\"Company\":\"C\",\"Shoe_Size__c\":42"),
                lead("\"LastName\":\"A\",\"Company\":\"C\",\"OwnerId\":\"" + user + "\""),
                "{\"attributes\":{\"type\":\"Contact\"},\"FirstName\":\"No\"}"));
        JsonNode items = r.json();
        assertThat(firstError(items.get(0)).path("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(firstError(items.get(0)).path("fields").get(0).asText()).isEqualTo("LastName");
        assertThat(firstError(items.get(1)).path("statusCode").asText()).isEqualTo("INVALID_EMAIL_ADDRESS");
        assertThat(firstError(items.get(1)).path("message").asText()).isEqualTo("Email: invalid email address: not-an-email");
        assertThat(firstError(items.get(2)).path("statusCode").asText()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(firstError(items.get(2)).path("message").asText()).isEqualTo("Status: bad value for restricted picklist field: Foo");
        assertThat(firstError(items.get(3)).path("statusCode").asText()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(firstError(items.get(4)).path("statusCode").asText()).isEqualTo("MALFORMED_ID");
        assertThat(firstError(items.get(5)).path("statusCode").asText()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(firstError(items.get(6)).path("statusCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(items.get(7).path("success").asBoolean()).isTrue();
        assertThat(firstError(items.get(8)).path("message").asText()).isEqualTo("Required fields are missing: [LastName]");
        assertThat(sf.org().rows("Lead")).hasSize(1);
    }

    @Test
    void duplicateExternalIdsAreRefusedAgainstStoredRowsAndWithinTheRequest() {
        String existing = sf.call("POST", API + "/sobjects/Contact",
                "{\"LastName\":\"Lee\",\"Baton_HubSpot_Id__c\":\"55\"}").json().path("id").asText();
        var clash = sf.call("POST", API + "/composite/sobjects", body(false,
                "{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"Ng\",\"Baton_HubSpot_Id__c\":\"55\"}"));
        assertThat(firstError(clash.json().get(0)).path("statusCode").asText()).isEqualTo("DUPLICATE_VALUE");
        assertThat(firstError(clash.json().get(0)).path("message").asText()).isEqualTo(
                "duplicate value found: Baton_HubSpot_Id__c duplicates value on record with id: " + existing);

        var twice = sf.call("PATCH", UPSERT, body(false,
                lead("\"Baton_HubSpot_Id__c\":\"101\",\"LastName\":\"A\",\"Company\":\"C\""),
                lead("\"Baton_HubSpot_Id__c\":\"102\",\"LastName\":\"B\",\"Company\":\"C\""),
                lead("\"Baton_HubSpot_Id__c\":\"101\",\"LastName\":\"C\",\"Company\":\"C\"")));
        assertThat(firstError(twice.json().get(0)).path("statusCode").asText()).isEqualTo("DUPLICATE_VALUE");
        assertThat(firstError(twice.json().get(0)).path("message").asText()).isEqualTo("Duplicate external id specified: 101");
        assertThat(twice.json().get(1).path("created").asBoolean()).isTrue();
        assertThat(firstError(twice.json().get(2)).path("statusCode").asText()).isEqualTo("DUPLICATE_VALUE");

        sf.sandbox.setInRequestDuplicateExternalIdCode("DUPLICATE_EXTERNAL_ID");
        var configured = sf.call("PATCH", UPSERT, body(false,
                lead("\"Baton_HubSpot_Id__c\":\"7\",\"LastName\":\"A\",\"Company\":\"C\""),
                lead("\"Baton_HubSpot_Id__c\":\"7\",\"LastName\":\"B\",\"Company\":\"C\"")));
        assertThat(firstError(configured.json().get(1)).path("statusCode").asText()).isEqualTo("DUPLICATE_EXTERNAL_ID");
    }

    @Test
    void convertedLeadsAndInjectedFailuresFailPerItem() {
        String converted = sf.call("PATCH", API + "/sobjects/Lead/Baton_HubSpot_Id__c/300",
                "{\"LastName\":\"A\",\"Company\":\"C\"}").json().path("id").asText();
        sf.org().convertLead(converted, true);
        sf.faults.failRecord("locked@x.com", "UNABLE_TO_LOCK_ROW");
        sf.faults.failRecord("302", "VALIDATION_ERROR");
        var r = sf.call("PATCH", UPSERT, body(false,
                lead("\"Baton_HubSpot_Id__c\":\"300\",\"Title\":\"VP\""),
                lead("\"Baton_HubSpot_Id__c\":\"301\",\"LastName\":\"B\",\"Company\":\"C\",\"Email\":\"LOCKED@x.com\""),
                lead("\"Baton_HubSpot_Id__c\":\"302\",\"LastName\":\"B\",\"Company\":\"C\""),
                lead("\"Baton_HubSpot_Id__c\":\"303\",\"LastName\":\"B\",\"Company\":\"C\"")));
        assertThat(firstError(r.json().get(0)).path("statusCode").asText()).isEqualTo("CANNOT_UPDATE_CONVERTED_LEAD");
        assertThat(firstError(r.json().get(1)).path("statusCode").asText()).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(firstError(r.json().get(1)).path("message").asText())
                .startsWith("unable to obtain exclusive access to this record or 1 records");
        assertThat(firstError(r.json().get(2)).path("statusCode").asText()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(r.json().get(3).path("success").asBoolean()).isTrue();
    }

    @Test
    void updateRetrieveAndDelete() {
        var created = sf.call("POST", API + "/composite/sobjects", body(false,
                lead("\"LastName\":\"A\",\"Company\":\"C\""), lead("\"LastName\":\"B\",\"Company\":\"C\"")));
        String a = created.json().get(0).path("id").asText();
        String b = created.json().get(1).path("id").asText();
        var updated = sf.call("PATCH", API + "/composite/sobjects", body(false,
                lead("\"id\":\"" + a + "\",\"Title\":\"VP\""), lead("\"Title\":\"no id\"")));
        assertThat(updated.json().get(0).path("success").asBoolean()).isTrue();
        assertThat(firstError(updated.json().get(1)).path("statusCode").asText()).isEqualTo("MISSING_ARGUMENT");

        var retrieved = sf.get(API + "/composite/sobjects/Lead?ids=" + a + ",00QRO0000009999AAA," + b + "&fields=Id,Title");
        assertThat(retrieved.status()).isEqualTo(200);
        assertThat(retrieved.json().get(0).path("Title").asText()).isEqualTo("VP");
        assertThat(retrieved.json().get(1).isNull()).isTrue();
        assertThat(retrieved.json().get(2).fieldNames()).toIterable().containsExactly("attributes", "Id", "Title");
        var posted = sf.call("POST", API + "/composite/sobjects/Lead", "{\"ids\":[\"" + a + "\"],\"fields\":[\"Id\"]}");
        assertThat(posted.json().get(0).path("Id").asText()).isEqualTo(a);

        var deleted = sf.call("DELETE", API + "/composite/sobjects?ids=" + a + ",bogus&allOrNone=false", null);
        assertThat(deleted.json().get(0).toString()).isEqualTo("{\"id\":\"" + a + "\",\"success\":true,\"errors\":[]}");
        assertThat(firstError(deleted.json().get(1)).path("statusCode").asText()).isEqualTo("MALFORMED_ID");
        assertThat(sf.org().find(a).orElseThrow().isDeleted()).isTrue();
        var rolledBack = sf.call("DELETE", API + "/composite/sobjects?ids=" + b + ",bogus&allOrNone=true", null);
        assertThat(firstError(rolledBack.json().get(0)).path("statusCode").asText())
                .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(sf.org().find(b).orElseThrow().isDeleted()).isFalse();
    }
}
