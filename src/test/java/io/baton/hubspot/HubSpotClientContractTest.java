package io.baton.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.baton.core.record.ChangePage;
import io.baton.core.record.CrmException;
import io.baton.core.record.SyncCursor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact requests our HubSpot client sends, and how it reads HubSpot's answers and errors (API-REFERENCE A). */
class HubSpotClientContractTest {

    private static final String TOKEN = "pat-na1-secret-token";

    private WireMockServer wire;
    private HubSpotClient client;

    @BeforeEach
    void start() {
        wire = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wire.start();
        client = new HubSpotClient(new HubSpotConnection(URI.create(wire.baseUrl()), TOKEN, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    @Test
    void dailyUsageSendsTheBearerTokenAndReadsTheUsageBody() {
        wire.stubFor(get("/account-info/v3/api-usage/daily/private-apps").willReturn(okJson("""
                {"results":[{"name":"private-apps-api-calls-daily","usageLimit":500000,"currentUsage":1234,
                 "collectedAt":"2026-01-01T00:00:00Z","fetchStatus":"SUCCESS","resetsAt":"2026-01-02T00:00:00Z"}]}""")));

        HubSpotClient.ApiUsage usage = client.dailyUsage();

        assertThat(usage).isEqualTo(new HubSpotClient.ApiUsage(500000, 1234));
        wire.verify(getRequestedFor(urlEqualTo("/account-info/v3/api-usage/daily/private-apps"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void countContactsAsksSearchForOneResultAndReadsTotal() {
        wire.stubFor(post("/crm/v3/objects/contacts/search").willReturn(okJson("""
                {"total":12345,"results":[{"id":"1","properties":{},"createdAt":"2024-01-01T00:00:00Z",
                 "updatedAt":"2024-01-01T00:00:00Z","archived":false}],"paging":{"next":{"after":"1"}}}""")));

        assertThat(client.countContacts()).isEqualTo(12345);
        wire.verify(postRequestedFor(urlEqualTo("/crm/v3/objects/contacts/search"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"limit\":1}")));
    }

    @Test
    void changeReaderAsksForTheRestOfTheCursorsMillisecondOrAnythingLaterUpToTheSettledTime() {
        wire.stubFor(post("/crm/v3/objects/contacts/search").willReturn(okJson("""
                {"total":1,"results":[{"id":"42","properties":{"email":"a@x.com","lastmodifieddate":"2024-06-01T08:00:05.120Z",
                 "hs_merged_object_ids":null},"createdAt":"2024-06-01T08:00:00Z","updatedAt":"2024-06-01T08:00:05.120Z",
                 "archived":false}]}""")));
        Instant cursorTime = Instant.parse("2024-06-01T08:00:05.120Z");
        Clock now = Clock.fixed(Instant.parse("2024-06-01T09:00:00Z"), ZoneOffset.UTC);
        HubSpotChangeReader reader = new HubSpotChangeReader(client, now, Duration.ofSeconds(10), 200);

        ChangePage page = reader.readPage(new SyncCursor(cursorTime, "41"), List.of("email"));

        wire.verify(postRequestedFor(urlEqualTo("/crm/v3/objects/contacts/search")).withRequestBody(equalToJson("""
                {"filterGroups":[
                   {"filters":[{"propertyName":"lastmodifieddate","operator":"EQ","value":"1717228805120"},
                               {"propertyName":"hs_object_id","operator":"GT","value":"41"}]},
                   {"filters":[{"propertyName":"lastmodifieddate","operator":"GT","value":"1717228805120"},
                               {"propertyName":"lastmodifieddate","operator":"LTE","value":"1717232390000"}]}],
                 "sorts":[{"propertyName":"lastmodifieddate","direction":"ASCENDING"}],
                 "properties":["email","lastmodifieddate","hs_merged_object_ids"],
                 "limit":200}""")));
        assertThat(page.changes()).hasSize(1);
        assertThat(page.cursor()).isEqualTo(new SyncCursor(cursorTime, "42"));
        assertThat(page.hasMore()).isFalse();
        assertThat(page.changes().get(0).record().orElseThrow().fields()).doesNotContainKey("hs_merged_object_ids");
    }

    @Test
    void ownersFollowAfterPagingUntilNoPagingKey() {
        wire.stubFor(get(urlEqualTo("/crm/v3/owners?limit=100")).willReturn(okJson("""
                {"results":[{"id":"11","email":"a@corp.example","firstName":"A","lastName":"One","userId":1,
                 "createdAt":"x","updatedAt":"x","archived":false}],"paging":{"next":{"after":"MTE%3D","link":"?after=MTE%3D"}}}""")));
        wire.stubFor(get(urlEqualTo("/crm/v3/owners?limit=100&after=MTE%3D")).willReturn(okJson("""
                {"results":[{"id":"12","email":"b@corp.example","firstName":"B","lastName":"Two","userId":2,
                 "createdAt":"x","updatedAt":"x","archived":false}]}""")));

        assertThat(client.owners()).extracting(HubSpotOwner::id).containsExactly("11", "12");
    }

    @Test
    void tenSecondlyRateLimitIsRetriableAfterTenSeconds() {
        wire.stubFor(post(urlPathEqualTo("/crm/v3/objects/contacts/search")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody("""
                {"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT",
                 "correlationId":"c033cdaa-2c40-4a64-ae48-b4cec88dad24","policyName":"TEN_SECONDLY_ROLLING",
                 "requestId":"3d3e35b7-0dae-4b9f-a6e3-9c230cbcf8dd"}""")));

        CrmException e = catchThrowableOfType(CrmException.class, () -> client.countContacts());

        assertThat(e.kind()).isEqualTo(CrmException.Kind.RETRIABLE);
        assertThat(e.code()).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
    }

    @Test
    void expiredTokenIsAnAuthFailureWithoutTheToken() {
        wire.stubFor(get(urlPathEqualTo("/account-info/v3/api-usage/daily/private-apps")).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                {"status":"error","message":"The OAuth token used to make this call expired 1 hour(s) ago.",
                 "correlationId":"aeb5f871-7f07-4993-9211-075dc63e7cbf","category":"EXPIRED_AUTHENTICATION"}""")));

        CrmException e = catchThrowableOfType(CrmException.class, () -> client.dailyUsage());

        assertThat(e.kind()).isEqualTo(CrmException.Kind.AUTH);
        assertThat(e.code()).isEqualTo("EXPIRED_AUTHENTICATION");
        assertThat(e.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void aBadSearchIsFatalNotABadRecordAndServerErrorIsRetriable() {
        wire.stubFor(post(urlPathEqualTo("/crm/v3/objects/contacts/search")).willReturn(aResponse().withStatus(400)
                .withBody("{\"status\":\"error\",\"message\":\"bad\",\"correlationId\":\"x\",\"category\":\"VALIDATION_ERROR\"}")));
        assertThat(catchThrowableOfType(CrmException.class, () -> client.countContacts()).kind())
                .as("no record is to blame for a search Baton built wrongly").isEqualTo(CrmException.Kind.FATAL);

        wire.stubFor(post(urlPathEqualTo("/crm/v3/objects/contacts/search")).willReturn(aResponse().withStatus(502)));
        assertThat(catchThrowableOfType(CrmException.class, () -> client.countContacts()).kind())
                .isEqualTo(CrmException.Kind.RETRIABLE);
    }

    @Test
    void unreachableHubSpotIsRetriable() {
        wire.stop();
        CrmException e = catchThrowableOfType(CrmException.class, () -> client.dailyUsage());
        assertThat(e.kind()).isEqualTo(CrmException.Kind.RETRIABLE);
        assertThat(e.code()).isEqualTo("IO");
    }

    @Test
    void connectionToStringNeverShowsTheToken() {
        assertThat(new HubSpotConnection(URI.create("https://api.hubapi.com"), TOKEN, Duration.ofSeconds(1)).toString())
                .doesNotContain(TOKEN).contains("***");
    }
}
