package io.baton.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.sandbox.hubspot.HubSpotFixture.Reply;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A.7: the burst window, the daily allowance, headers, and the usage endpoint. */
class HubSpotRateLimitTest {

    private HubSpotFixture hs = new HubSpotFixture();

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void normalResponsesCarryTheRateLimitHeaders() {
        Reply r = hs.get(HubSpotFixture.CONTACTS);

        assertThat(r.header("X-HubSpot-RateLimit-Daily")).isEqualTo("625000");
        assertThat(r.header("X-HubSpot-RateLimit-Daily-Remaining")).isEqualTo("624999");
        assertThat(r.header("X-HubSpot-RateLimit-Interval-Milliseconds")).isEqualTo("10000");
        assertThat(r.header("X-HubSpot-RateLimit-Max")).isEqualTo("190");
        assertThat(r.header("X-HubSpot-RateLimit-Remaining")).isEqualTo("189");
    }

    @Test
    void the191stRequestInTenSecondsIs429TenSecondlyRollingUntilTheWindowRolls() {
        for (int i = 0; i < 189; i++) {
            assertThat(hs.serveDirectly(HubSpotFixture.CONTACTS)).isEqualTo(200);
        }
        assertThat(hs.get(HubSpotFixture.CONTACTS).header("X-HubSpot-RateLimit-Remaining")).isEqualTo("0");

        Reply refused = hs.get(HubSpotFixture.CONTACTS);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(refused.json().path("message").asText()).isEqualTo("You have reached your ten_secondly_rolling limit.");
        assertThat(refused.json().path("errorType").asText()).isEqualTo("RATE_LIMIT");
        assertThat(refused.header("X-HubSpot-RateLimit-Remaining")).isEqualTo("0");
        hs.clock.advance(Duration.ofSeconds(10));
        assertThat(hs.get(HubSpotFixture.CONTACTS).status()).isEqualTo(200);
    }

    @Test
    void searchDoesNotUseTheTenSecondWindow() {
        hs.close();
        hs = new HubSpotFixture(HubSpotSandboxSettings.defaults().withBurstLimit(2));
        hs.get(HubSpotFixture.CONTACTS);
        hs.get(HubSpotFixture.CONTACTS);

        assertThat(hs.get(HubSpotFixture.CONTACTS).status()).isEqualTo(429);
        assertThat(hs.search(java.util.Map.of()).status()).isEqualTo(200);
    }

    @Test
    void exhaustedDailyLimitIs429DailyAndResetLimitsStartsANewDay() {
        hs.close();
        hs = new HubSpotFixture(HubSpotSandboxSettings.defaults().withDailyLimit(3));
        for (int i = 0; i < 3; i++) {
            assertThat(hs.get(HubSpotFixture.CONTACTS).status()).isEqualTo(200);
        }

        Reply refused = hs.get(HubSpotFixture.CONTACTS);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("policyName").asText()).isEqualTo("DAILY");
        assertThat(refused.json().path("message").asText()).isEqualTo("You have reached your daily limit.");
        assertThat(refused.json().path("requestId").asText()).isNotBlank();
        assertThat(hs.search(java.util.Map.of()).status()).isEqualTo(429);  // search spends the same allowance
        hs.sandbox.resetLimits();
        assertThat(hs.get(HubSpotFixture.CONTACTS).status()).isEqualTo(200);
    }

    @Test
    void dailyUsageEndpointReportsLimitAndCurrentUsage() {
        hs.get(HubSpotFixture.CONTACTS);
        hs.get(HubSpotFixture.CONTACTS);

        Reply r = hs.get("/account-info/v3/api-usage/daily/private-apps");

        assertThat(r.status()).isEqualTo(200);
        var usage = r.json().path("results").get(0);
        assertThat(usage.path("name").asText()).isEqualTo("private-apps-api-calls-daily");
        assertThat(usage.path("usageLimit").asLong()).isEqualTo(625_000);
        assertThat(usage.path("currentUsage").asLong()).isEqualTo(3);
        assertThat(usage.path("fetchStatus").asText()).isEqualTo("SUCCESS");
        assertThat(usage.path("resetsAt").asText()).isEqualTo("2024-06-02T00:00:00.000Z");
        assertThat(hs.sandbox.dailyUsage()).isEqualTo(3);
    }

    @Test
    void injectedStormAnswersTheTenSecondly429() {
        hs.faults.rateLimitStorm(1);

        Reply r = hs.get(HubSpotFixture.CONTACTS);

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.json().path("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(hs.get(HubSpotFixture.CONTACTS).status()).isEqualTo(200);
    }
}
