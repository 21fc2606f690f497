package io.baton.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.http.CallCounter;
import io.baton.sandbox.http.Faults;
import io.baton.sandbox.http.SandboxClock;
import io.baton.sandbox.http.SandboxHttpServer;
import io.baton.sandbox.http.SandboxJson;
import io.baton.sandbox.http.SandboxRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated HubSpot on a free port with a clock that only moves when a test moves it, and a tiny
 * HTTP client speaking to it with the sandbox's bearer token.
 */
final class HubSpotFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2024-06-01T08:00:00Z");
    static final String TOKEN = "demo-token";
    static final String CONTACTS = "/crm/v3/objects/contacts";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final SandboxClock clock = new SandboxClock(Clock.fixed(START, ZoneOffset.UTC));
    final Faults faults = new Faults(1);
    final CallCounter counter = new CallCounter();
    final HubSpotSandbox sandbox;
    final SandboxHttpServer server;

    /** What came back: status, headers (first value each), and the body parsed when it is JSON. */
    record Reply(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            return body.isEmpty() ? SandboxJson.MAPPER.createObjectNode() : SandboxJson.read(body.getBytes());
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    HubSpotFixture() {
        this(HubSpotSandboxSettings.defaults());
    }

    HubSpotFixture(HubSpotSandboxSettings settings) {
        sandbox = new HubSpotSandbox(settings, clock, faults);
        server = SandboxHttpServer.start(sandbox, "127.0.0.1", 0, faults, counter);
    }

    HubSpotStore store() {
        return sandbox.store();
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, TOKEN);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body, TOKEN);
    }

    Reply patch(String path, Object body) {
        return send("PATCH", path, body, TOKEN);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, TOKEN);
    }

    /** A search, after moving the clock 200 ms so the 5-per-second search limit never trips by accident. */
    Reply search(Object body) {
        clock.advance(Duration.ofMillis(200));
        return post(CONTACTS + "/search", body);
    }

    /** Creates a contact through the API and returns its id. */
    String create(Map<String, String> properties) {
        Reply r = post(CONTACTS, Map.of("properties", properties));
        if (r.status() != 201) {
            throw new AssertionError("create failed: " + r.status() + " " + r.body());
        }
        return r.json().path("id").asText();
    }

    Reply send(String method, String pathAndQuery, Object body, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                    .timeout(Duration.ofSeconds(10));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                byte[] bytes = body instanceof String s ? s.getBytes() : SandboxJson.write(body);
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k, v.get(0)));
            return new Reply(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers a GET in-process, skipping the socket: for tests that must spend many requests of a
     * limit (each loopback round trip of the JDK server costs tens of milliseconds).
     */
    int serveDirectly(String path) {
        SandboxRequest request = new SandboxRequest("GET", path, "", Map.of(),
                Map.of("Authorization", List.of("Bearer " + TOKEN)), new byte[0], Map.of());
        return sandbox.serve(request).status();
    }

    @Override
    public void close() {
        server.close();
    }
}
