package io.baton.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.sandbox.hubspot.HubSpotFixture.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A.2: the 10,000-result cap and search's own five-per-second limit. */
class HubSpotSearchLimitsTest {

    private final HubSpotFixture hs = new HubSpotFixture();

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void searchPastTenThousandResultsAnswersAsHubSpotDoes() {
        Instant at = Instant.parse("2024-05-01T00:00:00Z");
        for (int i = 0; i < 10_050; i++) {
            hs.store().seedContact(Map.of("email", "p" + i + "@bulk.example"), at, at);  // one shared millisecond
        }
        Map<String, Object> sorted = Map.of("sorts", List.of(Map.of("propertyName", "lastmodifieddate",
                "direction", "ASCENDING")), "limit", 200);

        Reply nearEnd = hs.search(with(sorted, "9800"));
        assertThat(nearEnd.status()).isEqualTo(200);
        assertThat(nearEnd.json().path("total").asLong()).isEqualTo(10_050);  // total is not capped
        assertThat(nearEnd.json().path("results")).hasSize(200);
        assertThat(nearEnd.json().path("paging").path("next").path("after").asText()).isEqualTo("10000");

        Reply straddling = hs.search(with(sorted, "9900"));
        assertThat(straddling.json().path("results")).hasSize(100);  // nothing past the 10,000th result

        Reply beyond = hs.search(with(sorted, "10000"));
        HubSpotSearchTest.assertBadRequest(beyond);
        assertThat(beyond.json().path("message").asText()).contains("10000");
    }

    @Test
    void searchAllowsFivePerSecondThenAnswers429SecondlyWithoutRateLimitHeaders() {
        for (int i = 0; i < 5; i++) {
            Reply ok = hs.post(HubSpotFixture.CONTACTS + "/search", Map.of());
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.headers().keySet()).noneMatch(h -> h.toLowerCase().startsWith("x-hubspot-ratelimit"));
        }

        Reply refused = hs.post(HubSpotFixture.CONTACTS + "/search", Map.of());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("message").asText()).isEqualTo("You have reached your secondly limit.");
        assertThat(refused.json().path("errorType").asText()).isEqualTo("RATE_LIMIT");
        assertThat(refused.json().path("policyName").asText()).isEqualTo("SECONDLY");
        assertThat(refused.headers().keySet()).noneMatch(h -> h.toLowerCase().startsWith("x-hubspot-ratelimit"));
        // Other endpoints are not affected by search's limit.
        assertThat(hs.get(HubSpotFixture.CONTACTS).status()).isEqualTo(200);

        hs.clock.advance(Duration.ofSeconds(1));
        assertThat(hs.post(HubSpotFixture.CONTACTS + "/search", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void searchPerSecondIsConfigurable() {
        try (HubSpotFixture strict = new HubSpotFixture(HubSpotSandboxSettings.defaults().withSearchPerSecond(1))) {
            assertThat(strict.post(HubSpotFixture.CONTACTS + "/search", Map.of()).status()).isEqualTo(200);
            assertThat(strict.post(HubSpotFixture.CONTACTS + "/search", Map.of()).status()).isEqualTo(429);
        }
    }

    private static Map<String, Object> with(Map<String, Object> body, String after) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.put("after", after);
        return copy;
    }
}
