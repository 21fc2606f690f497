package io.baton.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.http.SandboxJson;
import io.baton.sandbox.hubspot.HubSpotFixture.Reply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Compares the sandbox's answers with the examples documented in API-REFERENCE.md section A: same
 * status codes, every documented field present with the same JSON type, and for error bodies exactly
 * the documented field set. The examples are copied from our reference doc, not from HubSpot's spec.
 */
class HubSpotContractTest {

    private static final String CONTACTS = HubSpotFixture.CONTACTS;
    private static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    /** A.1 SimplePublicObject. */
    private static final String OBJECT = """
            {"id":"512","properties":{"createdate":"2019-10-30T03:30:17.883Z","email":"bcooper@biglytics.net",
             "firstname":"Bryan","lastname":"Cooper","lifecyclestage":"lead","hs_lead_status":"NEW",
             "lastmodifieddate":"2019-12-07T16:50:06.678Z","hs_object_id":"512"},
             "createdAt":"2019-10-30T03:30:17.883Z","updatedAt":"2019-12-07T16:50:06.678Z","archived":false}""";
    /** A.2 list page. */
    private static final String LIST = """
            {"results":[{"id":"51","properties":{"email":"a@x.com","createdate":"...","lastmodifieddate":"...",
             "hs_object_id":"51"},"createdAt":"...","updatedAt":"...","archived":false}],
             "paging":{"next":{"after":"NTI1Cg%3D%3D","link":"?after=NTI1Cg%3D%3D"}}}""";
    /** A.2 search page. */
    private static final String SEARCH = """
            {"total":2,"results":[{"id":"101","properties":{"createdate":"2024-06-01T08:00:00.000Z","email":"a@x.com",
             "firstname":"Ann","hs_object_id":"101","lastmodifieddate":"2024-06-01T08:00:05.120Z","lastname":"Lee"},
             "createdAt":"2024-06-01T08:00:00.000Z","updatedAt":"2024-06-01T08:00:05.120Z","archived":false}],
             "paging":{"next":{"after":"200"}}}""";
    /** A.3 batch read with one missing id (207). */
    private static final String BATCH_207 = """
            {"status":"COMPLETE","results":[{"id":"101","properties":{"email":"a@x.com"},"createdAt":"...",
             "updatedAt":"...","archived":false}],"numErrors":1,
             "errors":[{"status":"error","category":"OBJECT_NOT_FOUND",
              "message":"Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.",
              "context":{"ids":["missing@x.com"]},"links":{},"errors":[]}],
             "startedAt":"2024-06-01T08:00:00.010Z","completedAt":"2024-06-01T08:00:00.050Z"}""";
    /** A.3 batch upsert. */
    private static final String UPSERT = """
            {"status":"COMPLETE","results":[{"id":"101","new":false,"properties":{"email":"a@x.com","hs_object_id":"101",
             "lastmodifieddate":"..."},"createdAt":"...","updatedAt":"...","archived":false}],
             "requestedAt":"...","startedAt":"...","completedAt":"..."}""";
    /** A.3 409, A.5 INVALID_OPTION, A.6 Error: the same four fields. */
    private static final String ERROR = """
            {"status":"error","message":"Contact already exists. Existing ID: 3401","correlationId":"...","category":"CONFLICT"}""";
    /** A.7 429. */
    private static final String RATE_LIMIT = """
            {"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT",
             "correlationId":"c033cdaa-2c40-4a64-ae48-b4cec88dad24","policyName":"DAILY",
             "requestId":"3d3e35b7-0dae-4b9f-a6e3-9c230cbcf8dd"}""";
    /** A.7 daily usage. */
    private static final String USAGE = """
            {"results":[{"name":"private-apps-api-calls-daily","usageLimit":500000,"currentUsage":1,
             "collectedAt":"...","fetchStatus":"SUCCESS","resetsAt":"..."}]}""";
    /** A.1 ValueWithTimestamp. */
    private static final String HISTORY_ENTRY = """
            {"value":"marketingqualifiedlead","timestamp":"2024-03-01T10:00:00.000Z","sourceType":"API","sourceId":"userId:123"}""";

    private HubSpotFixture hs = new HubSpotFixture();

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void readMatchesSimplePublicObject() {
        String id = hs.create(Map.of("email", "bcooper@biglytics.net", "firstname", "Bryan", "lastname", "Cooper",
                "lifecyclestage", "lead", "hs_lead_status", "NEW"));

        Reply r = hs.get(CONTACTS + "/" + id + "?properties=email,firstname,lastname,lifecyclestage,hs_lead_status");

        assertThat(r.status()).isEqualTo(200);
        assertShape(doc(OBJECT), r.json(), "$");
        assertThat(r.json().path("createdAt").asText()).matches(ISO_MILLIS);
        assertThat(r.json().path("properties").path("lastmodifieddate").asText()).matches(ISO_MILLIS);
    }

    @Test
    void listMatchesTheDocumentedPage() {
        hs.create(Map.of("email", "a@x.com"));
        hs.create(Map.of("email", "b@x.com"));

        Reply r = hs.get(CONTACTS + "?limit=1&properties=email");

        assertThat(r.status()).isEqualTo(200);
        assertShape(doc(LIST), r.json(), "$");
    }

    @Test
    void searchMatchesTheDocumentedPage() {
        hs.create(Map.of("email", "a@x.com", "firstname", "Ann", "lastname", "Lee"));
        hs.create(Map.of("email", "b@x.com"));

        Reply r = hs.search(Map.of("limit", 1));

        assertThat(r.status()).isEqualTo(200);
        assertShape(doc(SEARCH), r.json(), "$");
    }

    @Test
    void batchReadPartialMatchesTheDocumented207() {
        hs.create(Map.of("email", "a@x.com"));

        Reply r = hs.post(CONTACTS + "/batch/read", Map.of("idProperty", "email", "properties", List.of("email"),
                "inputs", List.of(Map.of("id", "a@x.com"), Map.of("id", "missing@x.com"))));

        assertThat(r.status()).isEqualTo(207);
        assertShape(doc(BATCH_207), r.json(), "$");
        assertThat(fields(r.json().path("errors").get(0))).containsExactlyInAnyOrderElementsOf(
                fields(doc(BATCH_207).path("errors").get(0)));
    }

    @Test
    void batchUpsertMatchesTheDocumentedResponse() {
        hs.create(Map.of("email", "a@x.com"));

        Reply r = hs.post(CONTACTS + "/batch/upsert", Map.of("inputs", List.of(
                Map.of("idProperty", "email", "id", "a@x.com", "properties", Map.of("firstname", "Ann")))));

        assertThat(r.status()).isEqualTo(200);
        assertShape(doc(UPSERT), r.json(), "$");
    }

    @Test
    void errorBodiesHaveExactlyTheDocumentedFields() {
        hs.create(Map.of("email", "a@x.com"));
        Reply conflict = hs.post(CONTACTS, Map.of("properties", Map.of("email", "a@x.com")));
        Reply option = hs.post(CONTACTS, Map.of("properties", Map.of("hs_lead_status", "BOGUS")));
        Reply unknown = hs.post(CONTACTS, Map.of("properties", Map.of("foo", "x")));
        Reply auth = hs.send("GET", CONTACTS, null, null);

        assertThat(List.of(conflict.status(), option.status(), unknown.status(), auth.status()))
                .containsExactly(409, 400, 400, 401);
        for (Reply r : List.of(conflict, option, unknown, auth)) {
            assertThat(fields(r.json())).containsExactlyInAnyOrderElementsOf(fields(doc(ERROR)));
        }
        String message = option.json().path("message").asText();
        assertThat(message).startsWith("Property values were not valid: ");
        JsonNode issues = SandboxJson.read(message.substring("Property values were not valid: ".length()).getBytes());
        assertThat(fields(issues.get(0))).containsExactly("isValid", "message", "error", "name");
        assertThat(issues.get(0).path("error").asText()).isEqualTo("INVALID_OPTION");
        assertThat(issues.get(0).path("name").asText()).isEqualTo("hs_lead_status");
    }

    @Test
    void rateLimitBodyHasExactlyTheDocumentedFields() {
        hs.close();
        hs = new HubSpotFixture(HubSpotSandboxSettings.defaults().withDailyLimit(1));
        hs.get(CONTACTS);

        Reply r = hs.get(CONTACTS);

        assertThat(r.status()).isEqualTo(429);
        assertThat(fields(r.json())).containsExactlyInAnyOrderElementsOf(fields(doc(RATE_LIMIT)));
        assertShape(doc(RATE_LIMIT), r.json(), "$");
    }

    @Test
    void dailyUsageMatchesTheDocumentedBody() {
        Reply r = hs.get("/account-info/v3/api-usage/daily/private-apps");

        assertThat(r.status()).isEqualTo(200);
        assertShape(doc(USAGE), r.json(), "$");
    }

    @Test
    void historyEntriesMatchValueWithTimestamp() {
        String id = hs.create(Map.of("email", "a@x.com", "lifecyclestage", "lead"));

        JsonNode entry = hs.get(CONTACTS + "/" + id + "?propertiesWithHistory=lifecyclestage").json()
                .path("propertiesWithHistory").path("lifecyclestage").get(0);

        assertShape(doc(HISTORY_ENTRY), entry, "$");
        assertThat(entry.path("timestamp").asText()).matches(ISO_MILLIS);
    }

    @Test
    void statusCodesOfTheEndpointTable() {
        String id = hs.create(Map.of("email", "a@x.com"));
        assertThat(hs.patch(CONTACTS + "/" + id, Map.of("properties", Map.of("firstname", "A"))).status()).isEqualTo(200);
        assertThat(hs.post(CONTACTS + "/batch/create", Map.of("inputs", List.of(Map.of("properties",
                Map.of("email", "b@x.com"))))).status()).isEqualTo(201);
        assertThat(hs.post(CONTACTS + "/batch/update", Map.of("inputs", List.of(Map.of("id", id, "properties",
                Map.of("firstname", "B"))))).status()).isEqualTo(200);
        assertThat(hs.post(CONTACTS + "/batch/archive", Map.of("inputs", List.of(Map.of("id", id)))).status())
                .isEqualTo(204);
        assertThat(hs.delete(CONTACTS + "/" + id).status()).isEqualTo(204);
        assertThat(hs.get(CONTACTS + "/" + id).status()).isEqualTo(404);
    }

    /** Every documented field is present with the same JSON type (a null or "..." documents only the name). */
    private static void assertShape(JsonNode documented, JsonNode actual, String path) {
        assertThat(actual).as(path + " missing").isNotNull();
        if (documented.isObject()) {
            assertThat(actual.isObject()).as(path + " should be an object: " + actual).isTrue();
            documented.fields().forEachRemaining(e -> {
                assertThat(actual.has(e.getKey())).as(path + "." + e.getKey() + " missing in " + actual).isTrue();
                assertShape(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey());
            });
        } else if (documented.isArray()) {
            assertThat(actual.isArray()).as(path + " should be an array").isTrue();
            if (documented.size() > 0) {
                assertThat(actual.size()).as(path + " should not be empty").isPositive();
                assertShape(documented.get(0), actual.get(0), path + "[0]");
            }
        } else if (!documented.isNull() && !actual.isNull()) {
            assertThat(actual.getNodeType()).as(path).isEqualTo(documented.getNodeType());
        }
    }

    private static JsonNode doc(String json) {
        return SandboxJson.read(json.getBytes());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
