package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.sandbox.Sandbox;
import io.baton.sync.CrmInventory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
class DemoProfileEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Chosen once: a dynamic property's supplier is asked again at every read.
    private static final int HUBSPOT_PORT = FreePorts.next();
    private static final int SALESFORCE_PORT = FreePorts.next();
    private static final int SMTP_PORT = FreePorts.next();

    @DynamicPropertySource
    static void sandboxOnFreePorts(DynamicPropertyRegistry registry) {
        registry.add("baton.sandbox.hubspot-port", () -> HUBSPOT_PORT);
        registry.add("baton.sandbox.salesforce-port", () -> SALESFORCE_PORT);
        registry.add("baton.sandbox.smtp-port", () -> SMTP_PORT);
        registry.add("baton.sandbox.seed.hubspot-contacts", () -> 60);
        registry.add("baton.sandbox.seed.salesforce-leads", () -> 45);
        registry.add("baton.sandbox.seed.overlap", () -> 0.5);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:demo_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        // Keep the heartbeat route quiet during the test; it is exercised through the bean below.
        registry.add("baton.sync.inventory-initial-delay", () -> "10m");
    }

    @LocalServerPort
    int port;

    @Autowired
    Sandbox sandbox;

    @Autowired
    CrmInventory inventory;

    @Test
    void healthShowsAllFourComponentsUpAgainstTheSandbox() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        for (String component : new String[] {"hubspot", "salesforce", "store", "mail"}) {
            assertThat(health.path("components").path(component).path("status").asText())
                    .as("health component %s: %s", component, health.path("components").path(component))
                    .isEqualTo("UP");
        }
        assertThat(health.path("components").path("salesforce").path("details").path("dailyApiRequestsMax").asLong())
                .isPositive();
    }

    @Test
    void inventoryReadsBackWhatTheSandboxWasSeededWith() {
        CrmInventory.Counts counts = inventory.count();

        assertThat(counts.hubspotContacts()).isEqualTo(sandbox.seeded().hubspotContacts());
        // Converted leads stay Leads (IsConverted) and also become Contacts.
        assertThat(counts.salesforceLeads()).isEqualTo(sandbox.seeded().salesforceLeads());
        assertThat(counts.salesforceContacts()).isEqualTo(sandbox.seeded().convertedLeads());
        assertThat(sandbox.hubspotServer().counter().count("POST /crm/v3/objects/contacts/search")).isPositive();
        assertThat(sandbox.salesforceServer().counter().total()).isPositive();
    }
}
