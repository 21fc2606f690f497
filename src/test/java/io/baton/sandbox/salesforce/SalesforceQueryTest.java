package io.baton.sandbox.salesforce;

import static io.baton.sandbox.salesforce.SalesforceTestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** B.2: query, queryMore paging, queryAll, wire value formats and query errors, over raw HTTP. */
class SalesforceQueryTest {

    private final SalesforceTestServer sf = new SalesforceTestServer();

    @AfterEach
    void stop() {
        sf.close();
    }

    private String seedLead(String email, Instant modified) {
        return sf.org().seed("Lead", Map.of("LastName", "Lee", "Company", "Acme", "Email", email),
                modified.minusSeconds(60), modified);
    }

    @Test
    void pagesOf2000WithNextRecordsUrlUntilDone() {
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 4500; i++) {
            // Ten rows per millisecond: ties are broken by Id.
            seedLead("p" + i + "@x.com", base.plusMillis(i / 10));
        }
        var first = sf.query("SELECT Id, Email, SystemModstamp FROM Lead WHERE SystemModstamp > 2025-12-31T00:00:00Z "
                + "ORDER BY SystemModstamp, Id");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("totalSize").asInt()).isEqualTo(4500);
        assertThat(first.json().path("done").asBoolean()).isFalse();
        assertThat(first.json().path("records")).hasSize(2000);
        String next = first.json().path("nextRecordsUrl").asText();
        assertThat(next).matches("/services/data/v60\\.0/query/01g\\w{15}-2000");

        Set<String> ids = new HashSet<>();
        first.json().path("records").forEach(r -> ids.add(r.path("Id").asText()));
        var second = sf.get(next);
        assertThat(second.json().path("records")).hasSize(2000);
        assertThat(second.json().path("done").asBoolean()).isFalse();
        second.json().path("records").forEach(r -> ids.add(r.path("Id").asText()));
        var third = sf.get(second.json().path("nextRecordsUrl").asText());
        assertThat(third.json().path("records")).hasSize(500);
        assertThat(third.json().path("done").asBoolean()).isTrue();
        assertThat(third.json().has("nextRecordsUrl")).isFalse();
        assertThat(third.json().path("totalSize").asInt()).isEqualTo(4500);
        third.json().path("records").forEach(r -> ids.add(r.path("Id").asText()));
        assertThat(ids).hasSize(4500);
        assertThat(sf.counter.count("GET /services/data/v60.0/query")).isEqualTo(1);
        assertThat(sf.counter.count("GET /services/data/v60.0/query/{locator}")).isEqualTo(2);
    }

    @Test
    void emailLookupsAnswerAsAScanWouldAfterWritesDeletesAndEdits() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        String ann = seedLead("Ann@X.com", at);
        String bob = seedLead("bob@x.com", at);
        String gone = seedLead("gone@x.com", at);
        String moved = seedLead("old@x.com", at);
        String lookup = "SELECT Id FROM Lead WHERE Email IN ('ann@x.com', 'BOB@x.com', 'gone@x.com', 'old@x.com', 'new@x.com')"
                + " AND LastName = 'Lee'";
        assertThat(ids(sf.query(lookup))).containsExactlyInAnyOrder(ann, bob, gone, moved);

        // an API write after the index exists, a delete and an edit by a rep: the next look-up sees all three
        var created = sf.call("POST", API + "/sobjects/Lead", "{\"LastName\":\"Lee\",\"Company\":\"Acme\",\"Email\":\"new@x.com\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(sf.call("PATCH", API + "/sobjects/Lead/" + bob, "{\"LastName\":\"Other\"}").status()).isEqualTo(204);
        sf.org().deleteAsRep(gone);
        sf.org().updateAsRep(moved, Map.of("Email", "elsewhere@x.com"));
        assertThat(ids(sf.query(lookup))).containsExactlyInAnyOrder(ann, created.json().path("id").asText());
        assertThat(ids(sf.query("SELECT Id FROM Lead WHERE Email = 'ELSEWHERE@x.com'"))).containsExactly(moved);
        assertThat(ids(sf.query("SELECT Id FROM Lead WHERE Email != 'ann@x.com' AND Email IN ('ann@x.com')"))).isEmpty();
        assertThat(ids(sf.query("SELECT Id FROM Lead WHERE Id IN ('" + ann.substring(0, 15) + "', '" + gone + "', '" + bob + "')")))
                .containsExactlyInAnyOrder(ann, bob);
        assertThat(ids(sf.query("SELECT Id FROM Contact WHERE Id IN ('" + ann + "')"))).isEmpty();
    }

    private static Set<String> ids(SalesforceTestServer.Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        Set<String> ids = new HashSet<>();
        reply.json().path("records").forEach(r -> ids.add(r.path("Id").asText()));
        return ids;
    }

    @Test
    void queryOptionsHeaderSetsTheBatchSizeWithinLimits() {
        for (int i = 0; i < 450; i++) {
            seedLead("b" + i + "@x.com", Instant.parse("2026-01-01T00:00:00Z"));
        }
        sf.login();
        var r = sf.send(HttpRequest.newBuilder(URI.create(sf.baseUrl() + API + "/query?q="
                        + SalesforceTestServer.enc("SELECT Id FROM Lead")))
                .header("Authorization", "Bearer " + sf.token()).header("Sforce-Query-Options", "batchSize=200"));
        assertThat(r.json().path("records")).hasSize(200);
        assertThat(r.json().path("nextRecordsUrl").asText()).endsWith("-200");
        var tiny = sf.send(HttpRequest.newBuilder(URI.create(sf.baseUrl() + API + "/query?q="
                        + SalesforceTestServer.enc("SELECT Id FROM Lead")))
                .header("Authorization", "Bearer " + sf.token()).header("Sforce-Query-Options", "batchSize=5"));
        assertThat(tiny.json().path("records")).hasSize(200);
    }

    @Test
    void recordsCarryAttributesAndOnlyTheSelectedFieldsInWireFormats() {
        String id = sf.org().seed("Lead", Map.of("LastName", "Lee", "Company", "Acme", "Email", "ann@acme.com"),
                Instant.parse("2024-06-01T08:00:00Z"), Instant.parse("2024-06-01T08:00:05Z"));
        sf.org().setLastActivityDate(id, LocalDate.of(2024, 6, 2));
        var r = sf.query("SELECT Id, Email, Status, IsConverted, SystemModstamp, LastActivityDate, Phone FROM Lead");
        JsonNode rec = r.json().path("records").get(0);
        assertThat(rec.path("attributes").path("type").asText()).isEqualTo("Lead");
        assertThat(rec.path("attributes").path("url").asText()).isEqualTo(API + "/sobjects/Lead/" + id);
        assertThat(rec.fieldNames()).toIterable().containsExactly("attributes", "Id", "Email", "Status", "IsConverted",
                "SystemModstamp", "LastActivityDate", "Phone");
        assertThat(rec.path("Status").asText()).isEqualTo("Open - Not Contacted");
        assertThat(rec.path("IsConverted").isBoolean()).isTrue();
        assertThat(rec.path("SystemModstamp").asText()).isEqualTo("2024-06-01T08:00:05.000+0000");
        assertThat(rec.path("LastActivityDate").asText()).isEqualTo("2024-06-02");
        assertThat(rec.path("Phone").isNull()).isTrue();
        assertThat(r.json().path("done").asBoolean()).isTrue();
    }

    @Test
    void queryHidesDeletedRowsAndQueryAllShowsThemWithMasterRecordId() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        String master = seedLead("m@x.com", t);
        String merged = seedLead("m2@x.com", t);
        String deleted = seedLead("d@x.com", t);
        seedLead("live@x.com", t);
        sf.org().merge("Lead", master, merged);
        sf.org().deleteAsRep(deleted);

        assertThat(sf.query("SELECT Id FROM Lead").json().path("totalSize").asInt()).isEqualTo(2);
        assertThat(sf.query("SELECT Id FROM Lead WHERE IsDeleted = true").json().path("totalSize").asInt()).isZero();
        var all = sf.get(API + "/queryAll/?q=" + SalesforceTestServer.enc(
                "SELECT Id, IsDeleted, MasterRecordId FROM Lead WHERE IsDeleted = true ORDER BY Id"));
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("totalSize").asInt()).isEqualTo(2);
        JsonNode mergedRow = all.json().path("records").get(0);
        assertThat(mergedRow.path("Id").asText()).isEqualTo(merged);
        assertThat(mergedRow.path("IsDeleted").asBoolean()).isTrue();
        assertThat(mergedRow.path("MasterRecordId").asText()).isEqualTo(master);
        assertThat(all.json().path("records").get(1).path("MasterRecordId").isNull()).isTrue();
        assertThat(sf.counter.count("GET /services/data/v60.0/queryAll")).isEqualTo(1);
    }

    @Test
    void countQueriesReturnTotalSizeOnly() {
        seedLead("a@x.com", Instant.parse("2026-01-01T00:00:00Z"));
        seedLead("b@x.com", Instant.parse("2026-01-01T00:00:00Z"));
        var r = sf.query("SELECT COUNT() FROM Lead");
        assertThat(r.json().path("totalSize").asInt()).isEqualTo(2);
        assertThat(r.json().path("done").asBoolean()).isTrue();
        assertThat(r.json().path("records")).isEmpty();
    }

    @Test
    void queryErrorsAre400WithTheDocumentedCodes() {
        var field = sf.query("SELECT Foo FROM Lead");
        assertThat(field.status()).isEqualTo(400);
        assertThat(field.json().get(0).path("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(field.json().get(0).path("message").asText()).startsWith("\nSELECT Foo FROM Lead\n       ^\n"
                + "ERROR at Row:1:Column:8\nNo such column 'Foo' on entity 'Lead'.");
        assertThat(sf.query("SELECT Id FROM Widget").json().get(0).path("errorCode").asText()).isEqualTo("INVALID_TYPE");
        assertThat(sf.query("SELECT Id FROM").json().get(0).path("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
        var locator = sf.get(API + "/query/01gRO0000000000AAA-2000");
        assertThat(locator.status()).isEqualTo(400);
        assertThat(locator.json().get(0).path("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");
    }

    @Test
    void idleQueryLocatorsExpire() {
        for (int i = 0; i < 201; i++) {
            seedLead("e" + i + "@x.com", Instant.parse("2026-01-01T00:00:00Z"));
        }
        sf.login();
        var first = sf.send(HttpRequest.newBuilder(URI.create(sf.baseUrl() + API + "/query/?q="
                        + SalesforceTestServer.enc("SELECT Id FROM Lead")))
                .header("Authorization", "Bearer " + sf.token()).header("Sforce-Query-Options", "batchSize=200"));
        sf.clock.advance(Duration.ofMinutes(16));
        sf.login();
        var next = sf.get(first.json().path("nextRecordsUrl").asText());
        assertThat(next.json().get(0).path("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");
    }

    @Test
    void relationshipFieldsComeBackAsNestedRecordsAndCanBeFiltered() {
        String rep = sf.org().seedUser("rep@corp.com", "Rita", "Rep");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        String mine = sf.org().seed("Lead", Map.of("LastName", "Lee", "Company", "Acme", "OwnerId", rep), t, t);
        sf.org().seed("Lead", Map.of("LastName", "Ng", "Company", "Acme"), t, t);
        var r = sf.query("SELECT Id, Owner.Email, Owner.Name FROM Lead WHERE Owner.Email = 'REP@corp.com'");
        assertThat(r.json().path("totalSize").asInt()).isEqualTo(1);
        JsonNode rec = r.json().path("records").get(0);
        assertThat(rec.path("Id").asText()).isEqualTo(mine);
        assertThat(rec.path("Owner").path("attributes").path("type").asText()).isEqualTo("User");
        assertThat(rec.path("Owner").path("attributes").path("url").asText()).isEqualTo(API + "/sobjects/User/" + rep);
        assertThat(rec.path("Owner").path("Email").asText()).isEqualTo("rep@corp.com");
        assertThat(rec.path("Owner").path("Name").asText()).isEqualTo("Rita Rep");

        sf.org().seed("Contact", Map.of("LastName", "Solo"), t, t);
        var contact = sf.query("SELECT Id, Account.Name FROM Contact");
        assertThat(contact.json().path("records").get(0).path("Account").isNull()).isTrue();
        var bad = sf.query("SELECT Id, Boss.Email FROM Lead");
        assertThat(bad.json().get(0).path("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(bad.json().get(0).path("message").asText()).contains("Didn't understand relationship 'Boss'");
    }
}
