package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls to a running service's admin HTTP port, as a script would make them. */
final class AdminHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The demo profile's admin user. */
    static final String ADMIN = basic("admin", "demo");
    static final String WRONG_PASSWORD = basic("admin", "wrong");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    AdminHttp(int port) {
        this.port = port;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String authorization) throws Exception {
        return send("GET", path, authorization);
    }

    /** A call with an empty JSON body for POST; {@code authorization} null sends none. */
    HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if ("GET".equals(method)) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET as the admin; the body of a 200, parsed. */
    JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path, ADMIN);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
