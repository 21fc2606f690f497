package io.baton.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.baton.core.record.Change;
import io.baton.core.record.ChangePage;
import io.baton.core.record.CrmException;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.record.SyncCursor;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wire contract of the change reader through camel-salesforce (API-REFERENCE.md B.2, C.1):
 * the exact SOQL sent to queryAll, queryMore on nextRecordsUrl, how each kind of row maps to a
 * Change, and how query errors are classified.
 */
class SalesforceChangeReaderContractTest {

    private static final String API = "/services/data/v60.0";
    private static final String QUERY_ALL = API + "/queryAll/?";

    private WireMockServer wire;
    private CamelSalesforce camel;

    @BeforeEach
    void start() {
        wire = new WireMockServer(options().dynamicPort());
        wire.start();
        camel = CamelSalesforce.atWireMock(wire);
    }

    @AfterEach
    void stop() {
        camel.close();
        wire.stop();
    }

    private void answerQueryAll(String body) {
        wire.stubFor(get(urlPathMatching(QUERY_ALL)).willReturn(okJson(body)));
    }

    /** The SOQL of the one queryAll call made, URL-decoded. */
    private String soqlSent() {
        List<LoggedRequest> sent = wire.findAll(getRequestedFor(urlPathMatching(QUERY_ALL)));
        assertThat(sent).hasSize(1);
        String query = URI.create(sent.get(0).getUrl()).getRawQuery();
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith("q="))
                .map(p -> URLDecoder.decode(p.substring(2), StandardCharsets.UTF_8)).findFirst().orElseThrow();
    }

    private static String page(boolean done, String next, String... records) {
        return "{\"totalSize\":" + records.length + ",\"done\":" + done
                + (next == null ? "" : ",\"nextRecordsUrl\":\"" + next + "\"")
                + ",\"records\":[" + String.join(",", records) + "]}";
    }

    private static String lead(String id, String stamp, String extra) {
        return "{\"attributes\":{\"type\":\"Lead\",\"url\":\"" + API + "/sobjects/Lead/" + id + "\"},\"Id\":\"" + id
                + "\",\"SystemModstamp\":\"" + stamp + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    @Test
    void firstPageAsksQueryAllForEveryRowFromTheBeginningInStreamOrder() {
        answerQueryAll(page(true, null));
        ChangePage page = new SalesforceChangeReader(camel.gateway())
                .readPage("Lead", SyncCursor.BEGINNING, List.of("Email", "LastName"));

        assertThat(soqlSent()).isEqualTo("SELECT Id, SystemModstamp, IsDeleted, MasterRecordId, Email, LastName,"
                + " IsConverted, ConvertedContactId FROM Lead WHERE SystemModstamp >= 1970-01-01T00:00:00.000Z"
                + " ORDER BY SystemModstamp, Id LIMIT 2000");
        assertThat(page.isEmpty()).isTrue();
        assertThat(page.cursor()).isEqualTo(SyncCursor.BEGINNING);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void resumedCursorAsksForLaterStampsOrLaterIdsWithinTheSameMillisecond() {
        answerQueryAll(page(true, null));
        SyncCursor cursor = new SyncCursor(Instant.parse("2026-03-02T10:00:00.123Z"), "003RO0000000042AAA");
        new SalesforceChangeReader(camel.gateway(), 500).readPage("Contact", cursor, List.of("Email"));

        assertThat(soqlSent()).isEqualTo("SELECT Id, SystemModstamp, IsDeleted, MasterRecordId, Email FROM Contact"
                + " WHERE SystemModstamp > 2026-03-02T10:00:00.123Z OR (SystemModstamp = 2026-03-02T10:00:00.123Z"
                + " AND Id > '003RO0000000042AAA') ORDER BY SystemModstamp, Id LIMIT 500");
    }

    @Test
    void liveDeletedMergedAndConvertedRowsMapToChangesInStreamOrder() {
        answerQueryAll(page(true, null,
                lead("00QRO0000000001AAA", "2026-03-02T10:00:00.000+0000", "\"IsDeleted\":false,\"MasterRecordId\":null,"
                        + "\"Email\":\"ann@acme.com\",\"Phone\":null,\"Owner\":{\"attributes\":{\"type\":\"User\"},"
                        + "\"Email\":\"rep@corp.com\"},\"IsConverted\":false,\"ConvertedContactId\":null"),
                lead("00QRO0000000002AAA", "2026-03-02T10:00:00.000+0000", "\"IsDeleted\":true,\"MasterRecordId\":null"),
                lead("00QRO0000000003AAA", "2026-03-02T10:00:00.001+0000",
                        "\"IsDeleted\":true,\"MasterRecordId\":\"00QRO0000000001AAA\""),
                lead("00QRO0000000004AAA", "2026-03-02T10:00:00.002+0000", "\"IsDeleted\":false,\"MasterRecordId\":null,"
                        + "\"Email\":\"bo@acme.com\",\"Phone\":\"+1 555\",\"Owner\":null,\"IsConverted\":true,"
                        + "\"ConvertedContactId\":\"003RO0000000009AAA\"")));
        ChangePage page = new SalesforceChangeReader(camel.gateway())
                .readPage("Lead", SyncCursor.BEGINNING, List.of("Email", "Phone", "Owner.Email"));

        List<Change> changes = page.changes();
        assertThat(changes).extracting(Change::kind).containsExactly(Change.Kind.UPSERT, Change.Kind.DELETE,
                Change.Kind.MERGE, Change.Kind.UPSERT);
        CrmRecord live = changes.get(0).record().orElseThrow();
        assertThat(live.ref()).isEqualTo(RecordRef.salesforce("Lead", "00QRO0000000001AAA"));
        assertThat(live.modstamp()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(live.fields()).containsExactly(entry("Email", "ann@acme.com"),
                entry("Phone", ""), entry("Owner.Email", "rep@corp.com"),
                entry("IsConverted", "false"), entry("ConvertedContactId", ""));
        assertThat(changes.get(1).ref().id()).isEqualTo("00QRO0000000002AAA");
        assertThat(changes.get(2).mergedInto()).contains(RecordRef.salesforce("Lead", "00QRO0000000001AAA"));
        CrmRecord converted = changes.get(3).record().orElseThrow();
        assertThat(converted.value("Owner.Email")).isEmpty();
        assertThat(ConvertedLeads.contactOf(converted)).contains(RecordRef.salesforce("Contact", "003RO0000000009AAA"));
        assertThat(page.cursor()).isEqualTo(new SyncCursor(Instant.parse("2026-03-02T10:00:00.002Z"),
                "00QRO0000000004AAA"));
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void aShortBatchIsFollowedWithQueryMoreUntilThePageIsFull() {
        String next = API + "/query/01gRO0000000001AAA-2";
        answerQueryAll(page(false, next, lead("00QRO0000000001AAA", "2026-03-02T10:00:00.000+0000", ""),
                lead("00QRO0000000002AAA", "2026-03-02T10:00:00.000+0000", "")));
        wire.stubFor(get(urlEqualTo(next)).willReturn(okJson(page(true, null,
                lead("00QRO0000000003AAA", "2026-03-02T10:00:00.000+0000", "")))));

        ChangePage page = new SalesforceChangeReader(camel.gateway(), 3)
                .readPage("Lead", SyncCursor.BEGINNING, List.of());

        assertThat(page.changes()).extracting(c -> c.ref().id())
                .containsExactly("00QRO0000000001AAA", "00QRO0000000002AAA", "00QRO0000000003AAA");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.cursor()).isEqualTo(new SyncCursor(Instant.parse("2026-03-02T10:00:00Z"), "00QRO0000000003AAA"));
        wire.verify(1, getRequestedFor(urlPathMatching(QUERY_ALL)));
        wire.verify(1, getRequestedFor(urlEqualTo(next)));
    }

    @Test
    void anUnknownFieldIsFatal() {
        wire.stubFor(get(urlPathMatching(QUERY_ALL)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"No such column 'Foo' on entity 'Lead'.\",\"errorCode\":\"INVALID_FIELD\"}]")));
        SalesforceChangeReader reader = new SalesforceChangeReader(camel.gateway());

        assertThatThrownBy(() -> reader.readPage("Lead", SyncCursor.BEGINNING, List.of("Foo")))
                .isInstanceOfSatisfying(CrmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CrmException.Kind.FATAL);
                    assertThat(e.code()).isEqualTo("INVALID_FIELD");
                });
    }

    @Test
    void anExpiredQueryLocatorMidPageIsRetriable() {
        String next = API + "/query/01gRO0000000001AAA-1";
        answerQueryAll(page(false, next, lead("00QRO0000000001AAA", "2026-03-02T10:00:00.000+0000", "")));
        wire.stubFor(get(urlEqualTo(next)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"invalid query locator\",\"errorCode\":\"INVALID_QUERY_LOCATOR\"}]")));
        SalesforceChangeReader reader = new SalesforceChangeReader(camel.gateway());

        assertThatThrownBy(() -> reader.readPage("Lead", SyncCursor.BEGINNING, List.of()))
                .isInstanceOfSatisfying(CrmException.class, e -> {
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.code()).isEqualTo("INVALID_QUERY_LOCATOR");
                });
    }

    /** A session Salesforce keeps refusing after fresh logins: Baton logs in once more, then fails loudly. */
    @Test
    void aRefusalThatOutlivesANewLoginIsFatalWithoutTheSecret() {
        wire.stubFor(get(urlPathMatching(API + "/query/?")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));

        CrmException e = catchThrowableOfType(CrmException.class, () -> camel.gateway().query("SELECT Id FROM Lead"));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.FATAL);
        // camel-salesforce hands on its own retry's 401 without the body's errorCode.
        assertThat(e.code()).isIn("INVALID_SESSION_ID", "HTTP_401");
        assertThat(e.getMessage()).contains("after a new login").doesNotContain("demo", "tok");
        assertThat(wire.findAll(postRequestedFor(urlPathEqualTo("/services/oauth2/token"))))
                .as("camel's own renewal plus Baton's one extra login").hasSizeGreaterThanOrEqualTo(2);
    }
}
