package io.baton.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.hubspot.HubSpotFixture.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A.3 batch endpoints: size limit, whole-call errors, 207 partial results, upsert's {@code new}. */
class HubSpotBatchApiTest {

    private static final String BATCH = HubSpotFixture.CONTACTS + "/batch/";
    private final HubSpotFixture hs = new HubSpotFixture();

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void batchReadByEmailReturns200WhenAllFoundAnd207WithObjectNotFoundOtherwise() {
        String id = hs.create(Map.of("email", "a@x.com", "firstname", "Ann"));

        Reply all = hs.post(BATCH + "read", Map.of("idProperty", "email", "properties", List.of("firstname"),
                "inputs", List.of(Map.of("id", "A@x.com"))));
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("status").asText()).isEqualTo("COMPLETE");
        assertThat(all.json().path("results").get(0).path("id").asText()).isEqualTo(id);
        assertThat(all.json().has("errors")).isFalse();

        Reply some = hs.post(BATCH + "read", Map.of("idProperty", "email", "properties", List.of("firstname"),
                "inputs", List.of(Map.of("id", "a@x.com"), Map.of("id", "missing@x.com"))));
        assertThat(some.status()).isEqualTo(207);
        assertThat(some.json().path("numErrors").asInt()).isEqualTo(1);
        JsonNode error = some.json().path("errors").get(0);
        assertThat(error.path("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(error.path("message").asText()).isEqualTo(
                "Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.");
        assertThat(error.path("context").path("ids").get(0).asText()).isEqualTo("missing@x.com");
    }

    @Test
    void moreThanOneHundredInputsIs400ForEveryBatchEndpoint() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            inputs.add(Map.of("id", "p" + i + "@x.com", "idProperty", "email", "properties", Map.of("firstname", "P")));
        }
        for (String op : List.of("read", "create", "update", "upsert", "archive")) {
            Reply r = hs.post(BATCH + op, Map.of("inputs", inputs));
            HubSpotSearchTest.assertBadRequest(r);
        }
        assertThat(hs.post(BATCH + "upsert", Map.of("inputs", inputs.subList(0, 100))).status()).isEqualTo(200);
    }

    @Test
    void batchCreateReturns201AndDuplicateEmailFailsTheWholeCallWith409() {
        Reply created = hs.post(BATCH + "create", Map.of("inputs", List.of(
                Map.of("properties", Map.of("email", "a@x.com")), Map.of("properties", Map.of("email", "b@x.com")))));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("results")).hasSize(2);
        String existing = hs.store().findBy("email", "a@x.com").orElseThrow().id();

        Reply dup = hs.post(BATCH + "create", Map.of("inputs", List.of(
                Map.of("properties", Map.of("email", "c@x.com")), Map.of("properties", Map.of("email", "A@X.com")))));

        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().path("message").asText()).isEqualTo("Contact already exists. Existing ID: " + existing);
        assertThat(hs.store().findBy("email", "c@x.com")).isEmpty();  // nothing of the call was written
    }

    @Test
    void invalidOptionFailsTheWholeBatchWith400AndWritesNothing() {
        Reply r = hs.post(BATCH + "create", Map.of("inputs", List.of(
                Map.of("properties", Map.of("email", "ok@x.com")),
                Map.of("properties", Map.of("email", "bad@x.com", "hs_lead_status", "BOGUS")))));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains("INVALID_OPTION");
        assertThat(hs.store().count()).isZero();
    }

    @Test
    void batchUpdateReturns207ForUnknownIds() {
        String id = hs.create(Map.of("email", "a@x.com"));

        Reply r = hs.post(BATCH + "update", Map.of("inputs", List.of(
                Map.of("id", id, "properties", Map.of("firstname", "Ann")),
                Map.of("id", "424242", "properties", Map.of("firstname", "Nobody")))));

        assertThat(r.status()).isEqualTo(207);
        assertThat(r.json().path("results").get(0).path("properties").path("firstname").asText()).isEqualTo("Ann");
        assertThat(r.json().path("errors").get(0).path("context").path("ids").get(0).asText()).isEqualTo("424242");
    }

    @Test
    void batchUpsertByEmailCreatesOrUpdatesAndSaysWhichIsNew() {
        String existing = hs.create(Map.of("email", "a@x.com", "firstname", "A"));

        Reply r = hs.post(BATCH + "upsert", Map.of("inputs", List.of(
                Map.of("idProperty", "email", "id", "a@x.com", "properties", Map.of("firstname", "Ann", "hs_lead_status", "OPEN")),
                Map.of("idProperty", "email", "id", "new@y.com", "properties", Map.of("firstname", "Neo")))));

        assertThat(r.status()).isEqualTo(200);
        JsonNode results = r.json().path("results");
        JsonNode updated = find(results, existing);
        assertThat(updated.path("new").asBoolean()).isFalse();
        assertThat(updated.path("properties").path("hs_lead_status").asText()).isEqualTo("OPEN");
        JsonNode created = find(results, hs.store().findBy("email", "new@y.com").orElseThrow().id());
        assertThat(created.path("new").asBoolean()).isTrue();
        assertThat(created.path("properties").path("email").asText()).isEqualTo("new@y.com");
    }

    @Test
    void batchUpsertBySalesforceIdMatchesTheCustomUniqueProperty() {
        String existing = hs.create(Map.of("email", "a@x.com", "baton_salesforce_id", "00Q000000000001"));

        Reply r = hs.post(BATCH + "upsert", Map.of("inputs", List.of(
                Map.of("idProperty", "baton_salesforce_id", "id", "00Q000000000001", "properties", Map.of("firstname", "A")),
                Map.of("idProperty", "baton_salesforce_id", "id", "00Q000000000002",
                        "properties", Map.of("email", "b@x.com")))));

        assertThat(r.status()).isEqualTo(200);
        assertThat(find(r.json().path("results"), existing).path("new").asBoolean()).isFalse();
        assertThat(hs.store().findBy("baton_salesforce_id", "00Q000000000002").orElseThrow()
                .property("email")).isEqualTo("b@x.com");
    }

    @Test
    void batchUpsertByEmailReturns207WithPerItemErrors() {
        hs.faults.failRecord("bad@x.com", "VALIDATION_ERROR");
        hs.create(Map.of("email", "taken@x.com", "baton_salesforce_id", "00Q1"));

        Reply r = hs.post(BATCH + "upsert", Map.of("inputs", List.of(
                Map.of("idProperty", "email", "id", "good@x.com", "properties", Map.of("firstname", "G")),
                Map.of("idProperty", "email", "id", "bad@x.com", "properties", Map.of("firstname", "B")),
                Map.of("idProperty", "email", "id", "clash@x.com", "properties", Map.of("baton_salesforce_id", "00Q1")))));

        assertThat(r.status()).isEqualTo(207);
        assertThat(r.json().path("numErrors").asInt()).isEqualTo(2);
        assertThat(r.json().path("results")).hasSize(1);
        List<String> categories = new ArrayList<>();
        r.json().path("errors").forEach(e -> categories.add(e.path("category").asText() + ":" + e.path("context").path("ids").get(0).asText()));
        assertThat(categories).containsExactlyInAnyOrder("VALIDATION_ERROR:bad@x.com", "CONFLICT:clash@x.com");
        assertThat(hs.store().findBy("email", "bad@x.com")).isEmpty();
    }

    @Test
    void injectedRecordFailuresFailOnlyThatRecordInCreateAndUpdate() {
        String id = hs.create(Map.of("email", "u@x.com"));
        hs.faults.failRecord("b@x.com", "VALIDATION_ERROR").failRecord(id, "CONFLICT");

        Reply create = hs.post(BATCH + "create", Map.of("inputs", List.of(
                Map.of("properties", Map.of("email", "a@x.com")), Map.of("properties", Map.of("email", "b@x.com")))));
        assertThat(create.status()).isEqualTo(207);
        assertThat(create.json().path("results")).hasSize(1);
        assertThat(create.json().path("errors").get(0).path("category").asText()).isEqualTo("VALIDATION_ERROR");

        Reply update = hs.post(BATCH + "update", Map.of("inputs", List.of(Map.of("id", id, "properties", Map.of("firstname", "U")))));
        assertThat(update.status()).isEqualTo(207);
        assertThat(update.json().path("errors").get(0).path("category").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void invalidEmailInUpsertIsAWholeCallValidationError() {
        Reply r = hs.post(BATCH + "upsert", Map.of("inputs", List.of(
                Map.of("idProperty", "email", "id", "not an email", "properties", Map.of("firstname", "X")))));

        HubSpotSearchTest.assertBadRequest(r);
        assertThat(r.json().path("message").asText()).contains("INVALID_EMAIL");
    }

    @Test
    void duplicateIdsInOneUpsertAre400() {
        Reply r = hs.post(BATCH + "upsert", Map.of("inputs", List.of(
                Map.of("idProperty", "email", "id", "a@x.com", "properties", Map.of()),
                Map.of("idProperty", "email", "id", "A@x.com", "properties", Map.of()))));

        HubSpotSearchTest.assertBadRequest(r);
        assertThat(hs.store().count()).isZero();
    }

    @Test
    void batchArchiveIs204EvenForUnknownIds() {
        String id = hs.create(Map.of("email", "a@x.com"));

        Reply r = hs.post(BATCH + "archive", Map.of("inputs", List.of(Map.of("id", id), Map.of("id", "987654"))));

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(hs.store().contact(id)).isEmpty();
        assertThat(hs.store().archivedContact(id)).isPresent();
    }

    @Test
    void batchResultsAreCompleteButNotInInputOrderAndTheShuffleIsRepeatable() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            emails.add("p" + i + "@x.com");
        }
        List<String> first = upsertedEmails(hs, emails);
        assertThat(first).containsExactlyInAnyOrderElementsOf(emails).isNotEqualTo(emails);

        try (HubSpotFixture again = new HubSpotFixture(); HubSpotFixture inOrder = new HubSpotFixture(
                HubSpotSandboxSettings.defaults().withBatchOrderShuffled(false))) {
            assertThat(upsertedEmails(again, emails)).as("same seed, same order").isEqualTo(first);
            assertThat(upsertedEmails(inOrder, emails)).isEqualTo(emails);
        }
        List<Map<String, Object>> reads = emails.stream().map(e -> Map.<String, Object>of("id", e)).toList();
        Reply read = hs.post(BATCH + "read", Map.of("idProperty", "email", "properties", List.of("email"), "inputs", reads));
        assertThat(emailsOf(read)).containsExactlyInAnyOrderElementsOf(emails).isNotEqualTo(emails);
    }

    private static List<String> upsertedEmails(HubSpotFixture fixture, List<String> emails) {
        List<Map<String, Object>> inputs = emails.stream().map(e -> Map.<String, Object>of("idProperty", "email",
                "id", e, "properties", Map.of("firstname", "P"))).toList();
        Reply r = fixture.post(BATCH + "upsert", Map.of("inputs", inputs));
        assertThat(r.status()).isEqualTo(200);
        return emailsOf(r);
    }

    private static List<String> emailsOf(Reply r) {
        List<String> out = new ArrayList<>();
        r.json().path("results").forEach(c -> out.add(c.path("properties").path("email").asText()));
        return out;
    }

    private static JsonNode find(JsonNode results, String id) {
        for (JsonNode r : results) {
            if (r.path("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no result with id " + id + " in " + results);
    }
}
