package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.http.CallCounter;
import io.baton.sync.CrmInventory;
import io.baton.sync.SyncLoop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.CamelContext;
import org.apache.camel.component.timer.TimerEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo profile as a newcomer runs it: the sandbox CRMs and SMTP sink start in-process and are
 * seeded, the service starts against them, its health shows all four components up, and the
 * inventory reads back exactly what was seeded — through our HubSpot client and camel-salesforce.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false)
class DemoProfileEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

    private static final SandboxedService SERVICE = new SandboxedService("demo");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 60, 45, 0.5);
        // The ISO form proves the route reads durations as Spring does.
        registry.add("baton.sync.inventory-initial-delay", () -> "PT10M");
        registry.add("baton.sync.inventory-interval", () -> "PT7M");
    }

    @LocalServerPort
    int port;

    @Autowired
    Sandbox sandbox;

    @Autowired
    CrmInventory inventory;

    @Autowired
    CamelContext camel;

    @Autowired
    SyncLoop sync;

    @Test
    void healthShowsAllFourComponentsUpToAnyoneAndTheirDetailsToTheAdmin() throws Exception {
        JsonNode anonymous = health(null);
        JsonNode admin = health(ADMIN);

        assertThat(anonymous.path("status").asText()).isEqualTo("UP");
        for (String component : new String[] {"hubspot", "salesforce", "store", "mail"}) {
            assertThat(anonymous.path("components").path(component).path("status").asText())
                    .as("health component %s: %s", component, admin.path("components").path(component))
                    .isEqualTo("UP");
            assertThat(anonymous.path("components").path(component).has("details")).isFalse();
        }
        assertThat(admin.path("components").path("salesforce").path("details").path("dailyApiRequestsMax").asLong())
                .isEqualTo(100_000);
        assertThat(admin.path("components").path("store").path("details").path("schemaVersion").asText())
                .isEqualTo(io.baton.store.Migrations.latest());
    }

    @Test
    void repeatedHealthProbesDoNotSpendTheCrmsApiBudget() throws Exception {
        CallCounter hubspot = sandbox.hubspotServer().counter();
        long before = hubspot.count("GET /account-info/v3/api-usage/daily/private-apps");

        for (int i = 0; i < 5; i++) {
            health(null);
        }

        assertThat(hubspot.count("GET /account-info/v3/api-usage/daily/private-apps") - before).isLessThanOrEqualTo(1);
    }

    @Test
    void everythingButHealthNeedsTheAdminsBasicAuth() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Basic " + Base64.getEncoder().encodeToString("admin:wrong".getBytes())).statusCode())
                .isEqualTo(401);
        HttpResponse<String> metrics = get("/actuator/prometheus", ADMIN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void inventoryReadsBackWhatTheSandboxWasSeededWithInOneCallPerCount() {
        CallCounter hubspot = sandbox.hubspotServer().counter();
        CallCounter salesforce = sandbox.salesforceServer().counter();
        long searches = hubspot.count("POST /crm/v3/objects/contacts/search");
        long queries = salesforce.count("GET /services/data/v60.0/query");

        CrmInventory.Counts counts = inventory.count();

        assertThat(counts.hubspotContacts()).isEqualTo(sandbox.seeded().hubspotContacts());
        // Converted leads stay Leads (IsConverted) and also become Contacts.
        assertThat(counts.salesforceLeads()).isEqualTo(sandbox.seeded().salesforceLeads());
        assertThat(counts.salesforceContacts()).isEqualTo(sandbox.seeded().convertedLeads());
        assertThat(hubspot.count("POST /crm/v3/objects/contacts/search") - searches).isEqualTo(1);
        assertThat(salesforce.count("GET /services/data/v60.0/query") - queries).isEqualTo(2);
    }

    @Test
    void statusShowsEachStreamsCursorLagTotalsAndTheStoreToTheAdminOnly() throws Exception {
        sync.syncHubSpot();

        assertThat(get("/api/status", null).statusCode()).isEqualTo(401);
        HttpResponse<String> response = get("/api/status", ADMIN);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.path("streams")).extracting(s -> s.path("stream").asText())
                .containsExactly("hubspot:contacts", "salesforce:Lead", "salesforce:Contact", "salesforce:Opportunity");
        JsonNode hubspot = status.path("streams").get(0);
        assertThat(hubspot.path("changesRead").asLong()).isEqualTo(sandbox.seeded().hubspotContacts());
        assertThat(hubspot.path("cursor").path("id").asText()).isNotEmpty();
        assertThat(hubspot.path("lagSeconds").asLong()).as("caught up").isZero();
        assertThat(hubspot.path("remaining").asLong()).isZero();
        assertThat(hubspot.path("lastRunFinished").isNull()).isFalse();
        assertThat(status.path("links").path("active").asLong()).isPositive();
        assertThat(status.has("deadLettersOpen")).isTrue();
    }

    @Test
    void theHeartbeatRouteRunsOnTheConfiguredSchedule() {
        TimerEndpoint timer = (TimerEndpoint) camel.getRoute("inventory").getEndpoint();

        assertThat(timer.getPeriod()).isEqualTo(7 * 60_000L);
        assertThat(timer.getDelay()).isEqualTo(10 * 60_000L);
    }

    private JsonNode health(String authorization) throws Exception {
        HttpResponse<String> response = get("/actuator/health", authorization);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
