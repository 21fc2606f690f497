package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.hubspot.HubSpotClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Client-side limiting against the sandbox's real rolling 10-second window, scaled down (20 per
 * 10 s, Baton allowed 15) so the test needs few calls: Baton's own client never draws a 429,
 * while the same burst sent straight at the sandbox does.
 */
class HubSpotRateLimitEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("ratelimit");
    private static final int BURST = 25;

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
        registry.add("baton.sandbox.hubspot.burst-limit", () -> 20);
        registry.add("baton.resilience.hubspot-window-allowance", () -> 15);
    }

    @Autowired
    HubSpotClient client;

    @Test
    void aBurstThroughTheGuardDrawsNoRateLimitWhileTheSameBurstSentStraightDoes() throws IOException, InterruptedException {
        long refusedBefore = sandbox.hubspot().rateLimitRefusals();
        long callsBefore = sandbox.hubspotServer().counter().total();
        for (int i = 0; i < BURST; i++) {
            client.owners();
        }
        long refusedGuarded = sandbox.hubspot().rateLimitRefusals() - refusedBefore;
        long guardedCalls = sandbox.hubspotServer().counter().total() - callsBefore;

        HttpClient http = HttpClient.newHttpClient();
        int status429 = 0;
        for (int i = 0; i < BURST; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.hubspotUrl() + "/crm/v3/owners?limit=100"))
                    .header("Authorization", "Bearer demo-token").build(), HttpResponse.BodyHandlers.ofString());
            status429 += r.statusCode() == 429 ? 1 : 0;
        }
        long refusedStraight = sandbox.hubspot().rateLimitRefusals() - refusedBefore - refusedGuarded;

        System.out.printf("%n%d owner reads in a burst: %d of %d refused through the guard, %d refused sent straight%n%n",
                BURST, refusedGuarded, guardedCalls, refusedStraight);
        assertThat(guardedCalls).as("one request per read, no retries").isEqualTo(BURST);
        assertThat(refusedGuarded).as("429s through the guard").isZero();
        assertThat(refusedStraight).as("429s sent straight (the window is real)").isPositive().isEqualTo(status429);
    }
}
