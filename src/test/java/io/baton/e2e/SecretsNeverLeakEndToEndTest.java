package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.sandbox.Sandbox;
import io.baton.sync.SyncLoop;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * No secret leaks: with distinctive credentials configured on both sides, a full run with trouble
 * provoked (a revoked token and its 401s, a refused Salesforce login, 5xx, a refused record) is
 * captured — every log line at DEBUG from start-up on, every error message, the health details,
 * the metrics, the status API, the dead letters and the write audit — and none of it holds any
 * secret, nor its URL-encoded or Base64 form.
 */
// Logging levels must be known when the environment is first prepared, before dynamic properties arrive.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.io.baton=DEBUG", "logging.level.org.apache.camel.component.salesforce=DEBUG"})
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakEndToEndTest {

    // Each secret has a core no ordinary text contains, and characters that URL-encoding changes.
    static final String HUBSPOT_TOKEN = "pat-na1-HsCanary7f3a+token/x=";
    private static final String SALESFORCE_CLIENT_SECRET = "SfSecretCanary91&client secret";
    private static final String SALESFORCE_PASSWORD = "SfPassCanary42%pass:word/";
    private static final String ADMIN_USER = "admin";
    private static final String ADMIN_PASSWORD = "AdminCanary5+pass word=";
    private static final String SMTP_USER = "alerts@baton.local";
    private static final String SMTP_PASSWORD = "SmtpCanary8;pass?word";
    private static final List<String> SECRETS = List.of(HUBSPOT_TOKEN, SALESFORCE_CLIENT_SECRET, SALESFORCE_PASSWORD,
            ADMIN_PASSWORD, SMTP_PASSWORD);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SandboxedService SERVICE = new SandboxedService("secrets");

    @DynamicPropertySource
    static void secrets(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 15, 15, 0.4);
        credentials(registry);
        // Every health read checks the connections again, so it sees each provoked failure.
        registry.add("management.endpoint.health.cache.time-to-live", () -> "0s");
    }

    /** The distinctive secrets, given to Baton and the sandbox alike. */
    static void credentials(DynamicPropertyRegistry registry) {
        // Baton and the sandbox are given the same credentials, so the run works until a fault refuses them.
        Map.ofEntries(
                Map.entry("baton.hubspot.access-token", HUBSPOT_TOKEN),
                Map.entry("baton.sandbox.hubspot.access-token", HUBSPOT_TOKEN),
                Map.entry("camel.component.salesforce.client-secret", SALESFORCE_CLIENT_SECRET),
                Map.entry("baton.sandbox.salesforce.client-secret", SALESFORCE_CLIENT_SECRET),
                Map.entry("camel.component.salesforce.password", SALESFORCE_PASSWORD),
                Map.entry("baton.sandbox.salesforce.password", SALESFORCE_PASSWORD),
                Map.entry("baton.admin.username", ADMIN_USER),
                Map.entry("baton.admin.password", ADMIN_PASSWORD),
                Map.entry("spring.mail.username", SMTP_USER),
                Map.entry("spring.mail.password", SMTP_PASSWORD))
                .forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    Sandbox sandbox;

    @Autowired
    SyncLoop sync;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoggingSystem logging;

    /** The JVM's logging outlives this context: later test classes must not inherit its DEBUG levels. */
    @AfterEach
    void quietLoggingAgain() {
        logging.setLogLevel("io.baton", null);
        logging.setLogLevel("org.apache.camel.component.salesforce", null);
    }

    /** Everything an operator, a log shipper or an API client could see, by where it came from. */
    private final Map<String, String> seen = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    @Test
    void noSecretAppearsInLogsErrorsHealthMetricsStatusDeadLettersOrAudit(CapturedOutput output) throws Exception {
        String refused = new SandboxPeople(sandbox).hubspotMql("refused@secrets.example", Map.of());
        sandbox.salesforceServer().faults().failRecord("refused@secrets.example", "VALIDATION_ERROR");
        poll();
        observe("after a clean run");

        sandbox.hubspotServer().faults().credentialsRevoked(true);
        poll();
        observe("with the HubSpot token revoked");
        sandbox.hubspotServer().faults().credentialsRevoked(false);

        sandbox.salesforceServer().faults().credentialsRevoked(true);
        sandbox.salesforce().expireSessions();
        poll();
        observe("with the Salesforce login refused");
        sandbox.salesforceServer().faults().credentialsRevoked(false);

        sandbox.hubspotServer().faults().serverErrors(1.0, 503);
        sandbox.salesforceServer().faults().serverErrors(1.0, 500);
        poll();
        observe("with both CRMs failing");
        sandbox.hubspotServer().faults().reset();
        sandbox.salesforceServer().faults().reset();
        poll();
        observe("after the trouble");

        seen.put("leaks", get("/api/leaks"));
        seen.put("alerts", get("/api/alerts"));
        seen.put("errors", String.join("\n", errors));
        seen.put("dead letters", rows("dead_letter"));
        seen.put("write audit", rows("write_audit"));
        seen.put("logs", output.getAll());

        assertThat(errors).as("the provoked failures").isNotEmpty();
        assertThat(seen.get("dead letters")).as("the refused record's dead letter").contains(refused);
        assertThat(seen.get("logs")).as("DEBUG logging, camel-salesforce's login included, was captured")
                .containsPattern(" DEBUG .*SalesforceSecurityHandler").containsPattern(" DEBUG .*(i\\.b\\.|io\\.baton\\.)(?!e2e)");
        SoftAssertions soft = new SoftAssertions();
        seen.forEach((where, text) -> forbiddenForms().forEach((form, value) ->
                soft.assertThat(text).as("%s: %s", where, form).doesNotContain(value)));
        soft.assertAll();
    }

    /** Every form in which a secret could slip out: as is, URL-encoded both ways, Base64, and a Basic header. */
    static Map<String, String> forbiddenForms() {
        Map<String, String> forms = new LinkedHashMap<>();
        for (String secret : SECRETS) {
            String core = secret.replaceAll("^pat-na1-", "").replaceAll("[^A-Za-z0-9].*$", "");
            forms.put("the secret " + core, secret);
            forms.put(core + " (its distinctive part)", core);
            forms.put(core + " form-encoded", URLEncoder.encode(secret, StandardCharsets.UTF_8));
            forms.put(core + " percent-encoded", URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
            forms.put(core + " in Base64", base64(secret));
        }
        forms.put("the admin's Basic credentials", base64(ADMIN_USER + ":" + ADMIN_PASSWORD));
        forms.put("the SMTP AUTH PLAIN credentials", base64("\0" + SMTP_USER + "\0" + SMTP_PASSWORD));
        return forms;
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Both directions once each, twice, keeping the messages of the pages that failed. */
    private void poll() {
        for (int round = 0; round < 2; round++) {
            attempt(sync::syncHubSpot);
            attempt(sync::syncSalesforce);
        }
    }

    private void attempt(IntSupplier poll) {
        try {
            poll.getAsInt();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                errors.add(t.getClass().getName() + ": " + t.getMessage());
            }
        }
    }

    /** What the admin endpoints show at this moment. */
    private void observe(String moment) throws Exception {
        seen.put("health " + moment, get("/actuator/health"));
        seen.put("metrics " + moment, get("/actuator/prometheus"));
        seen.put("status " + moment, get("/api/status"));
    }

    private String get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + base64(ADMIN_USER + ":" + ADMIN_PASSWORD)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isIn(200, 503);
        return response.body();
    }

    /** Every column of every row, as text. */
    private String rows(String table) {
        return jdbc.sql("SELECT * FROM " + table).query().listOfRows().toString();
    }
}
