package io.baton.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.hubspot.HubSpotClient;
import io.baton.hubspot.HubSpotConnection;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.hubspot.HubSpotFixture.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HubSpotAuthAndRoutingTest {

    private final HubSpotFixture hs = new HubSpotFixture();

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void missingOrWrongBearerTokenIs401InvalidAuthentication() {
        for (String token : new String[] {null, "wrong-token"}) {
            Reply r = hs.send("GET", HubSpotFixture.CONTACTS, null, token);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().path("status").asText()).isEqualTo("error");
            assertThat(r.json().path("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
            assertThat(r.json().path("message").asText()).startsWith("Authentication credentials not found.");
            assertThat(r.json().path("correlationId").asText()).matches("[0-9a-f-]{36}");
        }
        assertThat(hs.sandbox.dailyUsage()).isZero();  // refused calls are not charged
    }

    @Test
    void expiredTokenIs401ExpiredAuthentication() {
        hs.sandbox.expireAccessToken(true);

        Reply r = hs.get(HubSpotFixture.CONTACTS);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("category").asText()).isEqualTo("EXPIRED_AUTHENTICATION");
    }

    @Test
    void unknownPathIs404InHubSpotsErrorShape() {
        Reply r = hs.get("/crm/v3/objects/widgets");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("status").asText()).isEqualTo("error");
        assertThat(r.json().path("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(r.json().path("correlationId").asText()).isNotBlank();
    }

    @Test
    void callsAreCountedPerRouteTemplate() {
        String id = hs.create(Map.of("email", "a@x.com"));
        hs.get(HubSpotFixture.CONTACTS + "/" + id);
        hs.get(HubSpotFixture.CONTACTS + "/" + id);
        hs.search(Map.of());

        assertThat(hs.counter.count("GET /crm/v3/objects/contacts/{contactId}")).isEqualTo(2);
        assertThat(hs.counter.count("POST /crm/v3/objects/contacts")).isEqualTo(1);
        assertThat(hs.counter.count("POST /crm/v3/objects/contacts/search")).isEqualTo(1);
    }

    @Test
    void injectedServerErrorsHaveHubSpotsErrorShape() {
        hs.faults.serverErrors(1.0, 503);

        Reply r = hs.get(HubSpotFixture.CONTACTS);

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().path("status").asText()).isEqualTo("error");
        assertThat(r.json().path("correlationId").asText()).isNotBlank();
        assertThat(r.json().path("category").asText()).isNotBlank();
    }

    @Test
    void malformedJsonIs400ValidationError() {
        Reply r = hs.post(HubSpotFixture.CONTACTS, "{not json");

        HubSpotSearchTest.assertBadRequest(r);
        assertThat(r.json().path("message").asText()).startsWith("Invalid input JSON");
    }

    @Test
    void batonsOwnHubSpotClientWorksAgainstTheSeededSandbox() {
        try (Sandbox sandbox = Sandbox.start(SandboxSettings.forTests())) {
            sandbox.hubspot().store().seedOwner("o@corp.example", "O", "W");
            sandbox.hubspot().store().seedContact(Map.of("email", "a@x.com"), HubSpotFixture.START, HubSpotFixture.START);
            HubSpotClient client = new HubSpotClient(new HubSpotConnection(URI.create(sandbox.hubspotUrl()),
                    "demo-token", Duration.ofSeconds(5)));

            assertThat(client.countContacts()).isEqualTo(1);
            assertThat(client.owners()).extracting(o -> o.email()).containsExactly("o@corp.example");
            HubSpotClient.ApiUsage usage = client.dailyUsage();
            assertThat(usage.limit()).isEqualTo(625_000);
            assertThat(usage.used()).isEqualTo(3);
        }
    }
}
