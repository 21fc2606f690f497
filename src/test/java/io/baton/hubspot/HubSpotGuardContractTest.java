package io.baton.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.baton.core.record.CrmException;
import io.baton.core.record.Side;
import io.baton.resilience.ApiGuard;
import io.baton.resilience.DailyAllocation;
import io.baton.resilience.GuardMetrics;
import io.baton.resilience.GuardSettings;
import io.baton.resilience.Pause;
import io.baton.resilience.UsageLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HubSpot client through its guard against WireMock: what is retried, how long it waits, what is not. */
class HubSpotGuardContractTest {

    private static final String OWNERS = "/crm/v3/owners";
    private static final String OWNERS_PAGE = "{\"results\":[]}";

    private WireMockServer wire;
    private final List<Duration> waits = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ApiGuard guard;
    private HubSpotClient client;

    @BeforeEach
    void start() {
        wire = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wire.start();
        GuardSettings settings = new GuardSettings(3, Duration.ofMillis(200), Duration.ofSeconds(10), 50f, 20,
                Duration.ofSeconds(30), Duration.ofMinutes(1));
        guard = new ApiGuard(Side.HUBSPOT, settings, new DailyAllocation("hubspot", 0.5, Clock.systemUTC(), UsageLog.NONE),
                Map.of(), new GuardMetrics(registry), waits::add, Clock.systemUTC());
        client = new HubSpotClient(new HubSpotConnection(URI.create(wire.baseUrl()), "pat-secret", Duration.ofSeconds(5)),
                guard);
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    @Test
    void a429WithRetryAfterIsRetriedOnceAfterTheWaitAsked() {
        wire.stubFor(get(urlPathEqualTo(OWNERS)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                        .withBody("{\"status\":\"error\",\"message\":\"You have reached your ten_secondly_rolling limit.\","
                                + "\"errorType\":\"RATE_LIMIT\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}"))
                .willSetStateTo("ok"));
        wire.stubFor(get(urlPathEqualTo(OWNERS)).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson(OWNERS_PAGE)));

        assertThat(client.owners()).isEmpty();

        wire.verify(2, getRequestedFor(urlPathEqualTo(OWNERS)));
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(registry.get("baton.api.retries").tag("system", "hubspot").counter().count()).isEqualTo(1);
    }

    @Test
    void aBurstOf5xxIsRetriedBoundedWithGrowingJitteredWaits() {
        wire.stubFor(get(urlPathEqualTo(OWNERS)).willReturn(aResponse().withStatus(502)));

        CrmException e = catchThrowableOfType(CrmException.class, () -> client.owners());

        assertThat(e.kind()).isEqualTo(CrmException.Kind.RETRIABLE);
        wire.verify(3, getRequestedFor(urlPathEqualTo(OWNERS)));
        assertThat(waits).hasSize(2).allSatisfy(w -> assertThat(w).isLessThan(Duration.ofMillis(400)));
    }

    @Test
    void a401IsAuthNotRetriedAndPausesHubSpotUntilTheTokenWorks() {
        wire.stubFor(get(urlPathEqualTo(OWNERS)).willReturn(aResponse().withStatus(401).withBody(
                "{\"status\":\"error\",\"message\":\"Authentication credentials not found.\",\"category\":\"INVALID_AUTHENTICATION\"}")));

        CrmException e = catchThrowableOfType(CrmException.class, () -> client.owners());

        assertThat(e.kind()).isEqualTo(CrmException.Kind.AUTH);
        assertThat(e.getMessage()).doesNotContain("pat-secret");
        wire.verify(1, getRequestedFor(urlPathEqualTo(OWNERS)));
        assertThat(waits).isEmpty();
        assertThat(guard.pause()).hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(Pause.Reason.AUTH));

        wire.stubFor(get(urlPathEqualTo(OWNERS)).willReturn(okJson(OWNERS_PAGE)));
        client.owners();
        assertThat(guard.pause()).isEmpty();
    }

    @Test
    void theDailyHeadersTeachTheAllocationAndA429DailyPauses() {
        wire.stubFor(get(urlPathEqualTo(OWNERS)).willReturn(okJson(OWNERS_PAGE)
                .withHeader("X-HubSpot-RateLimit-Daily", "1000").withHeader("X-HubSpot-RateLimit-Daily-Remaining", "900")));
        client.owners();
        assertThat(guard.allocation().allocated()).hasValue(500);
        assertThat(guard.allocation().orgRemaining()).hasValue(900);

        wire.stubFor(get(urlPathEqualTo(OWNERS)).willReturn(aResponse().withStatus(429).withBody(
                "{\"status\":\"error\",\"message\":\"You have reached your daily limit.\",\"policyName\":\"DAILY\"}")));
        CrmException e = catchThrowableOfType(CrmException.class, () -> client.owners());
        assertThat(e.code()).isEqualTo(ApiGuard.BUDGET_SPENT);
        assertThat(guard.pause()).hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(Pause.Reason.BUDGET));
    }
}
