package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.Sandbox;
import io.baton.sync.SyncLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The JSON log switch of {@code config/application.yml}: with {@code BATON_LOG_FORMAT=ecs} every
 * console line is one JSON object carrying the event's text in {@code message} — the sync's page
 * line included — and, with DEBUG on and a HubSpot token refused on the way, no field of any of them
 * holds a secret (in any of the forms {@link SecretsNeverLeakEndToEndTest} looks for).
 */
// The switch is read when logging starts, before dynamic properties arrive: it goes in here.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "BATON_LOG_FORMAT=ecs", "logging.level.io.baton=DEBUG", "logging.level.org.apache.camel.component.salesforce=DEBUG"})
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsEndToEndTest {

    private static final SandboxedService SERVICE = new SandboxedService("jsonlogs");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 15, 15, 0.4);
        SecretsNeverLeakEndToEndTest.credentials(registry);
    }

    @Autowired
    Sandbox sandbox;

    @Autowired
    SyncLoop sync;

    @Autowired
    LoggingSystem logging;

    /**
     * Logback is set up once per JVM, by the first context started (later ones only set levels), so
     * this class's context must find it unset to lay out JSON — and leave it unset for the next one.
     */
    @BeforeAll
    @AfterAll
    static void letTheNextContextSetUpLogging() {
        LoggingSystem.get(JsonLogsEndToEndTest.class.getClassLoader()).cleanUp();
    }

    /** Later test classes in this JVM must not inherit the DEBUG levels. */
    @AfterEach
    void quietLoggingAgain() {
        logging.setLogLevel("io.baton", null);
        logging.setLogLevel("org.apache.camel.component.salesforce", null);
    }

    @Test
    void everyLineIsOneJsonObjectWithTheMessageAndNoSecret(CapturedOutput output) throws Exception {
        sync.syncUntilQuiet(5);
        sandbox.hubspotServer().faults().credentialsRevoked(true);
        try {
            sync.syncHubSpot();
        } catch (RuntimeException expected) {
            // the refusal is what is being logged
        } finally {
            sandbox.hubspotServer().faults().credentialsRevoked(false);
        }

        List<JsonNode> events = new ArrayList<>();
        for (String line : output.getOut().split("\n")) {
            if (!line.isBlank()) {
                events.add(AdminHttp.JSON.readTree(line));
            }
        }

        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.isObject()).isTrue();
            assertThat(event.path("message").isTextual()).as(event.toString()).isTrue();
            assertThat(event.path("@timestamp").asText()).isNotEmpty();
        });
        assertThat(events).extracting(e -> e.path("message").asText()).anySatisfy(message ->
                assertThat(message).startsWith("sync hubspot:contacts: "));
        assertThat(events).extracting(e -> e.path("log").path("level").asText()).contains("INFO", "DEBUG");
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode event : events) {
            // Compared as decoded, so an escape in the JSON (a "/" or "+" written as \\u…) cannot hide one.
            String decoded = decodedText(event);
            SecretsNeverLeakEndToEndTest.forbiddenForms().forEach((form, value) ->
                    soft.assertThat(decoded).as("a log event: %s", form).doesNotContain(value));
        }
        soft.assertAll();
    }

    /** Every value of the event, unescaped, one after another. */
    private static String decodedText(JsonNode event) {
        StringBuilder text = new StringBuilder();
        if (event.isValueNode()) {
            return event.asText();
        }
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) event::fields) {
            text.append(field.getKey()).append('=').append(decodedText(field.getValue())).append('\n');
        }
        event.elements().forEachRemaining(element -> {
            if (!event.isObject()) {
                text.append(decodedText(element)).append('\n');
            }
        });
        return text.toString();
    }
}
