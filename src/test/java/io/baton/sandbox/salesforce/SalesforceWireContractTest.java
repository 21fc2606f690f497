package io.baton.sandbox.salesforce;

import static io.baton.sandbox.salesforce.SalesforceTestServer.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's answers against the documented examples in API-REFERENCE.md section B: same status
 * codes, same body field names and JSON types, same headers and value formats.
 */
class SalesforceWireContractTest {

    /** B.1 password-flow example. */
    private static final String TOKEN_EXAMPLE = """
            {"id":"https://login.salesforce.com/id/00D50000000IZ3ZEAW/00550000001fg5OAAQ","issued_at":"1296509381665",
             "instance_url":"https://na1.salesforce.com","signature":"+Nbl5EOl/DlsvUZ4NbGDno6vn935XsWGVbwoKyXHayo=",
             "access_token":"00D50000000IZ3Z!AQgAQH0Yd9M51BU_rayzAdmZ6NmT3pXZ","token_type":"Bearer"}""";
    /** B.2 query example (without the Owner relationship, which the sandbox does not implement). */
    private static final String QUERY_EXAMPLE = """
            {"totalSize":3222,"done":false,"nextRecordsUrl":"/services/data/v60.0/query/01gRO0000016PIAYA2-2000",
             "records":[{"attributes":{"type":"Lead","url":"/services/data/v60.0/sobjects/Lead/00QRO00000A1b2cUAB"},
             "Id":"00QRO00000A1b2cUAB","Email":"ann@acme.com","LastName":"Lee","Company":"Acme",
             "Status":"Open - Not Contacted","IsConverted":false,"SystemModstamp":"2024-06-01T08:00:05.000+0000"}]}""";
    /** B.6 limits fixture. */
    private static final String LIMITS_EXAMPLE = """
            {"ConcurrentAsyncGetReportInstances":{"Max":200,"Remaining":200},"DailyApiRequests":{"Max":15000,"Remaining":14998},
             "DailyBulkApiRequests":{"Max":5000,"Remaining":5000},"DailyStreamingApiEvents":{"Max":10000,"Remaining":10000},
             "DataStorageMB":{"Max":5,"Remaining":5},"HourlyODataCallout":{"Remaining":9999,"Max":10000},
             "SingleEmail":{"Max":15,"Remaining":15},"StreamingApiConcurrentClients":{"Max":20,"Remaining":20}}""";

    private final SalesforceTestServer sf = new SalesforceTestServer(
            SalesforceSandboxSettings.defaults().withQueryBatchSize(2));

    @AfterEach
    void stop() {
        sf.close();
    }

    /** Every documented key is present with the same JSON type, recursively (arrays: first element). */
    private static void assertSameShape(JsonNode documented, JsonNode actual, String path) {
        assertThat(actual.getNodeType()).as(path).isEqualTo(documented.getNodeType());
        if (documented.isObject()) {
            for (Iterator<String> it = documented.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                assertThat(actual.has(key)).as(path + "." + key).isTrue();
                assertSameShape(documented.get(key), actual.get(key), path + "." + key);
            }
        } else if (documented.isArray() && !documented.isEmpty()) {
            assertThat(actual).as(path).isNotEmpty();
            assertSameShape(documented.get(0), actual.get(0), path + "[0]");
        }
    }

    private static JsonNode parse(String json) {
        try {
            return SalesforceTestServer.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tokenResponseHasTheDocumentedShapeAndIdentityUrl() {
        var r = sf.tokenRequest("grant_type=password&client_id=demo&client_secret=demo&username=demo%40baton.local&password=demo");
        assertThat(r.status()).isEqualTo(200);
        assertSameShape(parse(TOKEN_EXAMPLE), r.json(), "token");
        assertThat(r.json().path("id").asText()).matches("http://127\\.0\\.0\\.1:\\d+/id/00D\\w{15}/005\\w{15}");
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void queryPagesHaveTheDocumentedShapeKeyOrderAndFormats() {
        for (int i = 0; i < 3; i++) {
            sf.org().seed("Lead", Map.of("LastName", "Lee", "Company", "Acme", "Email", "ann" + i + "@acme.com"),
                    Instant.parse("2024-06-01T08:00:00Z"), Instant.parse("2024-06-01T08:00:05Z"));
        }
        var r = sf.query("SELECT Id, Email, LastName, Company, Status, IsConverted, SystemModstamp FROM Lead "
                + "WHERE SystemModstamp > 2024-06-01T00:00:00Z ORDER BY SystemModstamp, Id");
        assertThat(r.status()).isEqualTo(200);
        assertSameShape(parse(QUERY_EXAMPLE), r.json(), "query");
        assertThat(r.json().fieldNames()).toIterable().containsExactly("totalSize", "done", "nextRecordsUrl", "records");
        assertThat(r.json().path("nextRecordsUrl").asText()).matches("/services/data/v60\\.0/query/\\w+-2");
        assertThat(r.json().path("records").get(0).path("SystemModstamp").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(r.header("Sforce-Limit-Info")).matches("api-usage=\\d+/\\d+");
        var last = sf.get(r.json().path("nextRecordsUrl").asText());
        assertThat(last.json().path("done").asBoolean()).isTrue();
        assertThat(last.json().has("nextRecordsUrl")).isFalse();
    }

    @Test
    void limitsHaveEveryDocumentedKey() {
        var r = sf.get(API + "/limits");
        assertSameShape(parse(LIMITS_EXAMPLE), r.json(), "limits");
    }

    @Test
    void writeResultsUseTheDocumentedStatusesAndNames() {
        var created = sf.call("POST", API + "/sobjects/Lead", "{\"LastName\":\"Lee\",\"Company\":\"Acme\"}");
        assertThat(created.status()).isEqualTo(201);
        assertSameShape(parse("{\"id\":\"00Q\",\"success\":true,\"errors\":[]}"), created.json(), "create");
        var upsert = sf.call("PATCH", API + "/sobjects/Lead/Baton_HubSpot_Id__c/12345", "{\"LastName\":\"Lee\",\"Company\":\"A\"}");
        assertThat(upsert.status()).isEqualTo(201);
        assertSameShape(parse("{\"id\":\"00Q\",\"success\":true,\"errors\":[],\"created\":true}"), upsert.json(), "upsert");
        var collection = sf.call("PATCH", API + "/composite/sobjects/Lead/Baton_HubSpot_Id__c",
                "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Lead\"},\"Baton_HubSpot_Id__c\":\"9001\","
                        + "\"LastName\":\"Ng\",\"Email\":\"new@y.com\"}]}");
        assertThat(collection.status()).isEqualTo(200);
        assertSameShape(parse("[{\"success\":false,\"errors\":[{\"statusCode\":\"REQUIRED_FIELD_MISSING\","
                + "\"message\":\"Required fields are missing: [Company]\",\"fields\":[\"Company\"]}]}]"), collection.json(), "items");
        assertThat(collection.json().get(0).has("created")).isFalse();
        assertThat(sf.call("PATCH", API + "/sobjects/Lead/" + created.json().path("id").asText(), "{\"Title\":\"VP\"}")
                .status()).isEqualTo(204);
    }

    @Test
    void topLevelErrorsAreArraysWithMessageAndErrorCode() {
        for (var r : List.of(sf.query("SELECT Foo FROM Lead"),
                sf.send("GET", API + "/limits", null, "application/json", "expired"))) {
            assertThat(r.json().isArray()).isTrue();
            assertSameShape(parse("[{\"message\":\"m\",\"errorCode\":\"E\"}]"), r.json(), "error");
        }
    }
}
