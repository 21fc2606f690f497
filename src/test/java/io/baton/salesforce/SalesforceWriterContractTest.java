package io.baton.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.baton.core.record.CrmException;
import io.baton.core.record.RecordRef;
import io.baton.core.record.RecordWrite;
import io.baton.core.record.Side;
import io.baton.core.record.WriteResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wire contract of the writer through camel-salesforce (API-REFERENCE.md B.4, B.5, B.7): the
 * exact collections requests (method, path, body with attributes.type, allOrNone, nulls for
 * cleared fields, the assignment header) and how whole-call errors are handled.
 */
class SalesforceWriterContractTest {

    private static final String API = "/services/data/v60.0";
    private static final String UPSERT_LEAD = API + "/composite/sobjects/Lead/Baton_HubSpot_Id__c";
    private static final String UPDATE = API + "/composite/sobjects";

    private WireMockServer wire;
    private CamelSalesforce camel;
    private SalesforceWriter writer;

    @BeforeEach
    void start() {
        wire = new WireMockServer(options().dynamicPort());
        wire.start();
        camel = CamelSalesforce.atWireMock(wire);
        writer = new SalesforceWriter(camel.gateway());
    }

    @AfterEach
    void stop() {
        camel.close();
        wire.stop();
    }

    private static RecordWrite create(String key, String hubSpotId, String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(SalesforceWriter.EXTERNAL_ID, hubSpotId);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return RecordWrite.create(key, Side.SALESFORCE, "Lead", fields);
    }

    @Test
    void anUpsertIsOnePatchPerTypeByExternalIdWithRecordsInOrder() {
        wire.stubFor(patch(urlEqualTo(UPSERT_LEAD)).willReturn(okJson("["
                + "{\"id\":\"00QRO00000A1b2cUAB\",\"success\":true,\"errors\":[],\"created\":false},"
                + "{\"success\":false,\"errors\":[{\"statusCode\":\"REQUIRED_FIELD_MISSING\","
                + "\"message\":\"Required fields are missing: [Company]\",\"fields\":[\"Company\"]}]}]")));

        List<WriteResult> results = writer.write(List.of(
                create("ann", "101", "LastName", "Lee", "Company", "Acme", "Email", "ann@acme.com", "Title", ""),
                create("new", "9001", "LastName", "Ng", "Email", "new@y.com")));

        wire.verify(1, patchRequestedFor(urlEqualTo(UPSERT_LEAD))
                .withHeader("Sforce-Auto-Assign", equalTo("FALSE"))
                .withRequestBody(equalToJson("""
                        {"allOrNone": false, "records": [
                          {"attributes": {"type": "Lead"}, "Baton_HubSpot_Id__c": "101", "LastName": "Lee",
                           "Company": "Acme", "Email": "ann@acme.com", "Title": null},
                          {"attributes": {"type": "Lead"}, "Baton_HubSpot_Id__c": "9001", "LastName": "Ng",
                           "Email": "new@y.com"}
                        ]}""", false, false)));
        assertThat(results.get(0)).isEqualTo(WriteResult.succeeded("ann", "00QRO00000A1b2cUAB", false));
        assertThat(results.get(1).failure().orElseThrow()).isEqualTo(new WriteResult.Failure(CrmException.Kind.RECORD,
                "REQUIRED_FIELD_MISSING", "Required fields are missing: [Company]"));
    }

    @Test
    void anUpdateIsOnePatchOfRecordsWithTypeAndIdAndNullForClearedFields() {
        // Answered in request order: the Contact first (see the body below), then the Lead.
        wire.stubFor(patch(urlEqualTo(UPDATE)).willReturn(okJson("["
                + "{\"id\":\"003RO00000C3d4eUAB\",\"success\":false,\"errors\":[{\"statusCode\":\"UNABLE_TO_LOCK_ROW\","
                + "\"message\":\"unable to obtain exclusive access to this record or 1 records: 003RO00000C3d4eUAB\","
                + "\"fields\":[]}]},"
                + "{\"id\":\"00QRO00000A1b2cUAB\",\"success\":true,\"errors\":[]}]")));

        List<WriteResult> results = writer.write(List.of(
                RecordWrite.update("l", RecordRef.salesforce("Lead", "00QRO00000A1b2cUAB"), Map.of("Phone", "")),
                RecordWrite.update("c", RecordRef.salesforce("Contact", "003RO00000C3d4eUAB"), Map.of("Title", "VP"))));

        // Sorted by type within the call (B.4 chunks): Contact before Lead, as the results are read back.
        wire.verify(1, patchRequestedFor(urlEqualTo(UPDATE)).withRequestBody(equalToJson("""
                {"allOrNone": false, "records": [
                  {"attributes": {"type": "Contact"}, "Id": "003RO00000C3d4eUAB", "Title": "VP"},
                  {"attributes": {"type": "Lead"}, "Id": "00QRO00000A1b2cUAB", "Phone": null}
                ]}""", false, false)));
        // ...and handed back in input order: the Lead first.
        assertThat(results.get(0)).isEqualTo(WriteResult.succeeded("l", "00QRO00000A1b2cUAB", false));
        assertThat(results.get(1).key()).isEqualTo("c");
        assertThat(results.get(1).failure().orElseThrow().kind()).isEqualTo(CrmException.Kind.RETRIABLE);
        assertThat(results.get(1).failure().orElseThrow().code()).isEqualTo("UNABLE_TO_LOCK_ROW");
    }

    @Test
    void aWholeCallRecordLevelRefusalIsSplitUntilTheBadRecordFailsAlone() {
        wire.stubFor(patch(urlEqualTo(UPSERT_LEAD)).atPriority(1).withRequestBody(containing("not-a-number"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "[{\"message\":\"Cannot deserialize instance of double from VALUE_STRING\","
                                + "\"errorCode\":\"JSON_PARSER_ERROR\"}]")));
        wire.stubFor(patch(urlEqualTo(UPSERT_LEAD)).atPriority(2).withRequestBody(matchingJsonPath("$.records[1]"))
                .willReturn(okJson("[{\"id\":\"00QRO0000000001AAA\",\"success\":true,\"errors\":[],\"created\":true},"
                        + "{\"id\":\"00QRO0000000002AAA\",\"success\":true,\"errors\":[],\"created\":true}]")));
        wire.stubFor(patch(urlEqualTo(UPSERT_LEAD)).atPriority(3)
                .willReturn(okJson("[{\"id\":\"00QRO0000000003AAA\",\"success\":true,\"errors\":[],\"created\":true}]")));

        List<WriteResult> results = writer.write(List.of(create("a", "1", "LastName", "A"),
                create("bad", "2", "LastName", "B", "AnnualRevenue", "not-a-number"),
                create("c", "3", "LastName", "C"), create("d", "4", "LastName", "D")));

        // [a,bad,c,d] refused → [a,bad] refused, [c,d] written → [a] written, [bad] refused alone.
        wire.verify(5, patchRequestedFor(urlEqualTo(UPSERT_LEAD)));
        assertThat(results).extracting(WriteResult::succeeded).containsExactly(true, false, true, true);
        assertThat(results.get(1).failure().orElseThrow().code()).isEqualTo("JSON_PARSER_ERROR");
        assertThat(results.get(1).failure().orElseThrow().kind()).isEqualTo(CrmException.Kind.RECORD);
    }

    @Test
    void aServerErrorIsThrownRetriable() {
        wire.stubFor(patch(urlEqualTo(UPSERT_LEAD)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"Server unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]")));

        assertThatThrownBy(() -> writer.write(List.of(create("a", "1", "LastName", "A"))))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.kind()).isEqualTo(CrmException.Kind.RETRIABLE));
    }

    @Test
    void anUnknownFieldIsThrownFatalNotSplit() {
        wire.stubFor(patch(urlEqualTo(UPSERT_LEAD)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"No such column 'Foo__c' on sobject of type Lead\",\"errorCode\":\"INVALID_FIELD\"}]")));

        assertThatThrownBy(() -> writer.write(List.of(create("a", "1", "Foo__c", "x"), create("b", "2", "Foo__c", "y"))))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.kind()).isEqualTo(CrmException.Kind.FATAL));
        wire.verify(1, patchRequestedFor(urlEqualTo(UPSERT_LEAD)));
    }
}
