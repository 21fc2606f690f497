package io.baton.sandbox.salesforce;

import static io.baton.sandbox.salesforce.SalesforceTestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** B.4 single-record REST: create, read, update, delete, upsert by external id, describe. */
class SalesforceSObjectTest {

    private final SalesforceTestServer sf = new SalesforceTestServer();

    @AfterEach
    void stop() {
        sf.close();
    }

    private String create(String json) {
        var r = sf.call("POST", API + "/sobjects/Lead", json);
        assertThat(r.status()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    @Test
    void createReturns201WithIdSuccessAndErrorsAndAppliesLeadDefaults() {
        var r = sf.call("POST", API + "/sobjects/Lead",
                "{\"LastName\":\"Lee\",\"FirstName\":\"Ann\",\"Company\":\"Acme\",\"Email\":\"ann@acme.com\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.raw().body()).matches("\\{\"id\":\"00Q\\w{15}\",\"success\":true,\"errors\":\\[\\]}");
        SObjectRecord lead = sf.org().find(r.json().path("id").asText()).orElseThrow();
        assertThat(lead.get("Status")).isEqualTo("Open - Not Contacted");
        assertThat(lead.get("IsConverted")).isEqualTo(false);
        assertThat(lead.get("Name")).isEqualTo("Ann Lee");
        assertThat(lead.get("OwnerId")).isEqualTo(sf.org().integrationUserId());
        assertThat(lead.get("SystemModstamp")).isEqualTo(sf.clock.instant());
        assertThat(lead.get("CreatedDate")).isEqualTo(lead.get("LastModifiedDate"));
    }

    @Test
    void getReturnsAllFieldsOrTheRequestedOnes() {
        String id = create("{\"LastName\":\"Lee\",\"Company\":\"Acme\",\"Email\":\"ann@acme.com\"}");
        var all = sf.get(API + "/sobjects/Lead/" + id);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("attributes").path("type").asText()).isEqualTo("Lead");
        assertThat(all.json().has("Baton_HubSpot_Id__c")).isTrue();
        var some = sf.get(API + "/sobjects/Lead/" + id + "?fields=Id,Email");
        assertThat(some.json().fieldNames()).toIterable().containsExactly("attributes", "Id", "Email");
        // The 15-char form of the id is accepted too.
        assertThat(sf.get(API + "/sobjects/Lead/" + id.substring(0, 15)).status()).isEqualTo(200);
        var missing = sf.get(API + "/sobjects/Lead/00QRO0000009999AAA");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get(0).path("errorCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(sf.get(API + "/sobjects/Widget/" + id).status()).isEqualTo(404);
    }

    @Test
    void updateIs204AndBumpsSystemModstamp() {
        String id = create("{\"LastName\":\"Lee\",\"Company\":\"Acme\"}");
        sf.clock.advance(Duration.ofSeconds(5));
        var r = sf.call("PATCH", API + "/sobjects/Lead/" + id, "{\"Status\":\"Working - Contacted\",\"Title\":\"CTO\"}");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.raw().body()).isEmpty();
        SObjectRecord lead = sf.org().find(id).orElseThrow();
        assertThat(lead.get("Title")).isEqualTo("CTO");
        assertThat((Instant) lead.get("SystemModstamp")).isAfter((Instant) lead.get("CreatedDate"));
        assertThat(lead.get("LastModifiedDate")).isEqualTo(lead.get("SystemModstamp"));
    }

    @Test
    void singleRecordErrorsAre400ArraysWithErrorCode() {
        var missing = sf.call("POST", API + "/sobjects/Lead", "{\"LastName\":\"Lee\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.raw().body()).isEqualTo("[{\"message\":\"Required fields are missing: [Company]\","
                + "\"errorCode\":\"REQUIRED_FIELD_MISSING\",\"fields\":[\"Company\"]}]");
        var unknown = sf.call("POST", API + "/sobjects/Lead", "{\"LastName\":\"Lee\",\"Company\":\"A\",\"Foo__c\":1}");
        assertThat(unknown.json().get(0).path("errorCode").asText()).isEqualTo("INVALID_FIELD");
        var readOnly = sf.call("POST", API + "/sobjects/Lead", "{\"LastName\":\"Lee\",\"Company\":\"A\",\"IsConverted\":true}");
        assertThat(readOnly.json().get(0).path("errorCode").asText()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
        var badJson = sf.call("POST", API + "/sobjects/Lead", "{not json");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.json().get(0).path("errorCode").asText()).isEqualTo("JSON_PARSER_ERROR");
    }

    @Test
    void deleteIsSoftAndASecondDeleteSaysEntityIsDeleted() {
        String id = create("{\"LastName\":\"Lee\",\"Company\":\"Acme\"}");
        assertThat(sf.call("DELETE", API + "/sobjects/Lead/" + id, null).status()).isEqualTo(204);
        assertThat(sf.org().find(id).orElseThrow().isDeleted()).isTrue();
        var again = sf.call("DELETE", API + "/sobjects/Lead/" + id, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get(0).path("errorCode").asText()).isEqualTo("ENTITY_IS_DELETED");
    }

    @Test
    void upsertByExternalIdIs201CreatedThen200Updated() {
        var created = sf.call("PATCH", API + "/sobjects/Lead/Baton_HubSpot_Id__c/12345",
                "{\"LastName\":\"Lee\",\"Company\":\"Acme\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("created").asBoolean()).isTrue();
        assertThat(created.json().path("success").asBoolean()).isTrue();
        String id = created.json().path("id").asText();
        var updated = sf.call("PATCH", API + "/sobjects/Lead/Baton_HubSpot_Id__c/12345", "{\"Title\":\"VP\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.raw().body()).isEqualTo("{\"id\":\"" + id + "\",\"success\":true,\"errors\":[],\"created\":false}");
        assertThat(sf.get(API + "/sobjects/Lead/Baton_HubSpot_Id__c/12345").json().path("Title").asText()).isEqualTo("VP");
        var notExternal = sf.call("PATCH", API + "/sobjects/Lead/Email/x@y.com", "{\"LastName\":\"Lee\"}");
        assertThat(notExternal.status()).isEqualTo(404);
    }

    @Test
    void upsertMatchingSeveralRecordsIs300WithTheirUrls() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        // Seeds bypass validation, so two rows can share an external id as after a bad data load.
        sf.org().seed("Lead", Map.of("LastName", "A", "Company", "X", "Baton_HubSpot_Id__c", "7"), t, t);
        sf.org().seed("Lead", Map.of("LastName", "B", "Company", "X", "Baton_HubSpot_Id__c", "7"), t, t);
        var r = sf.call("PATCH", API + "/sobjects/Lead/Baton_HubSpot_Id__c/7", "{\"Title\":\"VP\"}");
        assertThat(r.status()).isEqualTo(300);
        assertThat(r.json()).hasSize(2);
        assertThat(r.json().get(0).asText()).startsWith(API + "/sobjects/Lead/00Q");
    }

    @Test
    void convertedLeadsCannotBeUpdated() {
        String id = create("{\"LastName\":\"Lee\",\"Company\":\"Acme\"}");
        sf.org().convertLead(id, false);
        var r = sf.call("PATCH", API + "/sobjects/Lead/" + id, "{\"Title\":\"VP\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get(0).path("errorCode").asText()).isEqualTo("CANNOT_UPDATE_CONVERTED_LEAD");
        assertThat(r.json().get(0).path("message").asText()).isEqualTo("cannot reference converted lead");
    }

    @Test
    void describeListsFieldsPicklistsAndTheExternalId() {
        var r = sf.get(API + "/sobjects/Lead/describe");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("keyPrefix").asText()).isEqualTo("00Q");
        var hubspot = java.util.stream.StreamSupport.stream(r.json().path("fields").spliterator(), false)
                .filter(f -> f.path("name").asText().equals("Baton_HubSpot_Id__c")).findFirst().orElseThrow();
        assertThat(hubspot.path("externalId").asBoolean()).isTrue();
        assertThat(hubspot.path("unique").asBoolean()).isTrue();
        var status = java.util.stream.StreamSupport.stream(r.json().path("fields").spliterator(), false)
                .filter(f -> f.path("name").asText().equals("Status")).findFirst().orElseThrow();
        assertThat(status.path("picklistValues")).hasSize(4);
        assertThat(status.path("restrictedPicklist").asBoolean()).isTrue();
        assertThat(sf.get(API + "/sobjects").json().path("sobjects")).hasSize(6);
    }

    @Test
    void theLeadAssignmentRuleRewritesOwnerIdUnlessSforceAutoAssignIsFalse() {
        String queue = sf.org().seedUser("queue@corp.com", "Lead", "Queue");
        String rep = sf.org().seedUser("rep@corp.com", "Rita", "Rep");
        sf.org().setLeadAssignmentRule(queue);
        String body = "{\"LastName\":\"Lee\",\"Company\":\"Acme\",\"OwnerId\":\"" + rep + "\"}";
        String assigned = sf.call("POST", API + "/sobjects/Lead", body).json().path("id").asText();
        assertThat(sf.org().find(assigned).orElseThrow().get("OwnerId")).isEqualTo(queue);

        var kept = sf.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sf.baseUrl() + API + "/sobjects/Lead"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + sf.token())
                .header("Sforce-Auto-Assign", "FALSE"));
        assertThat(sf.org().find(kept.json().path("id").asText()).orElseThrow().get("OwnerId")).isEqualTo(rep);
        // Updates never re-run the rule.
        sf.call("PATCH", API + "/sobjects/Lead/" + assigned, "{\"OwnerId\":\"" + rep + "\"}");
        assertThat(sf.org().find(assigned).orElseThrow().get("OwnerId")).isEqualTo(rep);
    }
}
