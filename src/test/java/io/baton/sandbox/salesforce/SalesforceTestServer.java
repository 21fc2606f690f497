package io.baton.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.sandbox.http.CallCounter;
import io.baton.sandbox.http.Faults;
import io.baton.sandbox.http.SandboxClock;
import io.baton.sandbox.http.SandboxHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A Salesforce sandbox on a free port with a movable clock, and a tiny raw-HTTP client for tests. */
final class SalesforceTestServer implements AutoCloseable {

    static final String API = "/services/data/v60.0";
    static final ObjectMapper JSON = new ObjectMapper();

    final SandboxClock clock = new SandboxClock(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
    final Faults faults = new Faults(7);
    final CallCounter counter = new CallCounter();
    final SalesforceSandbox sandbox;
    final SandboxHttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    /** The answer to one call: status, headers and the body parsed as JSON (missing node when empty). */
    record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    SalesforceTestServer() {
        this(SalesforceSandboxSettings.defaults());
    }

    SalesforceTestServer(SalesforceSandboxSettings settings) {
        sandbox = new SalesforceSandbox(settings, clock, faults);
        server = SandboxHttpServer.start(sandbox, "127.0.0.1", 0, faults, counter);
        sandbox.setBaseUrl(server.baseUrl());
    }

    SalesforceOrg org() {
        return sandbox.org();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    Reply tokenRequest(String form) {
        return send("POST", "/services/oauth2/token", form, "application/x-www-form-urlencoded", null);
    }

    String login() {
        Reply r = tokenRequest("grant_type=password&client_id=demo&client_secret=demo&username="
                + enc("demo@baton.local") + "&password=demo");
        token = r.json().path("access_token").asText();
        return token;
    }

    Reply get(String path) {
        return call("GET", path, null);
    }

    Reply query(String soql) {
        return get(API + "/query/?q=" + enc(soql));
    }

    Reply call(String method, String path, String json) {
        if (token == null) {
            login();
        }
        return send(method, path, json, "application/json", token);
    }

    Reply send(String method, String path, String body, String contentType, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b);
    }

    Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> resp = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = resp.body().isEmpty() ? JSON.missingNode() : JSON.readTree(resp.body());
            return new Reply(resp.statusCode(), resp, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String token() {
        return token;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        server.close();
    }
}
