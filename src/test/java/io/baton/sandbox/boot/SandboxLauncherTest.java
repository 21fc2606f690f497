package io.baton.sandbox.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code baton.sandbox.*} as an operator writes it reaches the running sandbox: seed, limits and faults. */
class SandboxLauncherTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SandboxProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("baton.sandbox", SandboxProperties.class);
    }

    @Test
    void seedAndFaultKnobsFromPropertiesShapeTheRunningSandbox() throws Exception {
        SandboxProperties properties = bind(Map.of(
                "baton.sandbox.hubspot-port", "0",
                "baton.sandbox.salesforce-port", "0",
                "baton.sandbox.smtp-port", "0",
                "baton.sandbox.seed.hubspot-contacts", "25",
                "baton.sandbox.seed.salesforce-leads", "10",
                "baton.sandbox.seed.overlap", "0.5",
                "baton.sandbox.faults.rate-limit-storm", "2",
                "baton.sandbox.faults.fail-records[broken@example.com]", "VALIDATION_ERROR"));

        try (Sandbox sandbox = SandboxLauncher.launch(properties)) {
            assertThat(sandbox.seeded().hubspotContacts()).isEqualTo(25);
            assertThat(sandbox.seeded().sharedPeople()).isEqualTo(5);
            assertThat(sandbox.hubspotServer().faults().recordFailure("BROKEN@example.com")).contains("VALIDATION_ERROR");
            assertThat(sandbox.salesforceServer().faults().recordFailure("broken@example.com")).contains("VALIDATION_ERROR");

            // The storm answers the first two HubSpot calls with HubSpot's own 429, then lets calls through.
            assertThat(getOwners(sandbox)).isEqualTo(429);
            assertThat(getOwners(sandbox)).isEqualTo(429);
            assertThat(getOwners(sandbox)).isEqualTo(200);
        }
    }

    @Test
    void faultKnobsAimedAtOneCrmLeaveTheOtherAloneAndConfiguredCredentialsAreTheOnesAccepted() throws Exception {
        SandboxProperties properties = bind(Map.of(
                "baton.sandbox.hubspot-port", "0",
                "baton.sandbox.salesforce-port", "0",
                "baton.sandbox.smtp-port", "0",
                "baton.sandbox.seed.hubspot-contacts", "0",
                "baton.sandbox.seed.salesforce-leads", "0",
                "baton.sandbox.hubspot.access-token", "pat-na1-configured",
                "baton.sandbox.salesforce.client-secret", "configured-secret",
                "baton.sandbox.faults.html-error-rate", "1",
                "baton.sandbox.faults.html-error-status", "503",
                "baton.sandbox.faults.targets", "salesforce"));

        try (Sandbox sandbox = SandboxLauncher.launch(properties)) {
            assertThat(sandbox.hubspot().settings().accessToken()).isEqualTo("pat-na1-configured");
            assertThat(sandbox.salesforce().settings().clientSecret()).isEqualTo("configured-secret");
            assertThat(getOwners(sandbox, "pat-na1-configured")).isEqualTo(200);
            assertThat(getOwners(sandbox, "demo-token")).isEqualTo(401);
            HttpResponse<String> salesforce = HTTP.send(HttpRequest.newBuilder(
                    URI.create(sandbox.salesforceUrl() + "/services/data")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(salesforce.statusCode()).isEqualTo(503);
            assertThat(salesforce.headers().firstValue("Content-Type")).contains("text/html");
        }
    }

    @Test
    void defaultsAreTheDocumentedPortsSeedAndPublishedLimits() {
        SandboxProperties properties = bind(Map.of());

        assertThat(properties.hubspotPort()).isEqualTo(8091);
        assertThat(properties.salesforcePort()).isEqualTo(8092);
        assertThat(properties.smtpPort()).isEqualTo(3025);
        assertThat(properties.toSettings().hubspot().burstLimit()).isEqualTo(190);
        assertThat(properties.toSettings().seed().hubspotContacts()).isEqualTo(300);
        assertThat(properties.faults().failRecords()).isEmpty();
        assertThat(properties.faults().targets()).containsExactlyInAnyOrder(SandboxProperties.FaultTarget.values());
        assertThat(properties.toSettings().hubspot().accessToken()).isEqualTo("demo-token");
        assertThat(properties.salesforce().demoCredentials()).isTrue();
    }

    private static int getOwners(Sandbox sandbox) throws Exception {
        return getOwners(sandbox, "demo-token");
    }

    private static int getOwners(Sandbox sandbox, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.hubspotUrl() + "/crm/v3/owners"))
                .header("Authorization", "Bearer " + token).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
