package io.baton.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxHttpServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final Faults faults = new Faults(1);
    private final CallCounter counter = new CallCounter();
    private SandboxHttpServer server;

    /** A tiny service: echoes path variables and query parameters, with recognisable fault bodies. */
    private static final class EchoService implements SandboxService {
        private final java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        private final Router router = new Router()
                .route("GET", "/things/{id}", r -> SandboxResponse.json(200, Map.of("id", r.pathVar("id"),
                        "q", r.queryParamList("q"))))
                .route("GET", "/things/search", r -> SandboxResponse.json(200, Map.of("search", true)))
                .route("POST", "/things", r -> SandboxResponse.json(201, SandboxJson.read(r.body())));

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public SandboxResponse serve(SandboxRequest request) {
            served.incrementAndGet();
            try {
                return router.match(request).map(m -> {
                    try {
                        return m.route().handler().handle(m.request());
                    } catch (SandboxJson.MalformedJsonException e) {
                        return SandboxResponse.json(400, Map.of("bad", e.getMessage()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).orElseGet(() -> SandboxResponse.json(router.knowsPath(request.path()) ? 405 : 404, Map.of()));
            } catch (IllegalStateException e) {
                throw e;
            }
        }

        @Override
        public SandboxResponse serverError(int status) {
            return SandboxResponse.json(status, Map.of("fault", "server-" + status));
        }

        @Override
        public Optional<SandboxResponse> injectedRateLimit() {
            return Optional.of(SandboxResponse.json(429, Map.of("fault", "rate")));
        }

        @Override
        public SandboxResponse credentialsRevoked(SandboxRequest request) {
            return SandboxResponse.json(401, Map.of("fault", "revoked"));
        }

        @Override
        public String endpointOf(SandboxRequest request) {
            return router.match(request).map(m -> m.route().endpoint()).orElse(request.method() + " ?");
        }
    }

    private final EchoService service = new EchoService();

    @BeforeEach
    void start() {
        server = SandboxHttpServer.start(service, "127.0.0.1", 0, faults, counter);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void literalSegmentsBeatVariablesAndQueryIsDecoded() throws Exception {
        assertThat(get("/things/search").body()).contains("\"search\":true");
        HttpResponse<String> byId = get("/things/42?q=a%20b,c&q=d");
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byId.body()).contains("\"id\":\"42\"").contains("[\"a b\",\"c\",\"d\"]");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/things/1"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(405);
    }

    @Test
    void countsCallsPerEndpointTemplate() throws Exception {
        get("/things/1");
        get("/things/2");
        get("/things/search");
        assertThat(counter.count("GET /things/{id}")).isEqualTo(2);
        assertThat(counter.count("GET /things/search")).isEqualTo(1);
        assertThat(counter.total()).isEqualTo(3);
    }

    @Test
    void injectedServerErrorsUseTheServicesOwnBody() throws Exception {
        faults.serverErrors(1.0, 502);
        HttpResponse<String> response = get("/things/1");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("server-502");
    }

    @Test
    void rateLimitStormAnswersTheNextRequestsThenStops() throws Exception {
        faults.rateLimitStorm(2);
        assertThat(get("/things/1").statusCode()).isEqualTo(429);
        assertThat(get("/things/1").statusCode()).isEqualTo(429);
        assertThat(get("/things/1").statusCode()).isEqualTo(200);
    }

    @Test
    void droppedConnectionCutsTheResponseShort() {
        faults.droppedConnections(1.0);
        assertThatThrownBy(() -> get("/things/1")).isInstanceOf(IOException.class);
        faults.reset();
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        faults.latency(Duration.ofMillis(120), Duration.ZERO);
        long start = System.nanoTime();
        get("/things/1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    }

    @Test
    void recordFailuresAreKeyedCaseInsensitively() {
        faults.failRecord("Ann@Acme.example", "UNABLE_TO_LOCK_ROW");
        assertThat(faults.recordFailure("ann@acme.example")).contains("UNABLE_TO_LOCK_ROW");
        assertThat(faults.recordFailure("bob@acme.example")).isEmpty();
    }

    @Test
    void htmlErrorPagesComeFromTheGatewayAsTextHtmlAndNeverReachTheService() throws Exception {
        faults.htmlErrorPages(1.0, 503);
        HttpResponse<String> response = get("/things/1");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html");
        assertThat(response.body()).startsWith("<html>").contains("503 Service Temporarily Unavailable");
        assertThat(service.served).hasValue(0);
    }

    @Test
    void anHtmlErrorPageIsA502OrA503() {
        assertThatThrownBy(() -> faults.htmlErrorPages(0.5, 500)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("500");
    }

    @Test
    void malformedJsonIsA200CutShortAfterTheServiceDidTheWork() throws Exception {
        faults.malformedJson(1.0);
        HttpResponse<String> response = get("/things/42");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.body()).startsWith("{");
        assertThatThrownBy(() -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThat(service.served).hasValue(1);
    }

    @Test
    void aRevokedCredentialIsRefusedWithTheServicesOwnAnswerUntilRestored() throws Exception {
        faults.credentialsRevoked(true);
        HttpResponse<String> refused = get("/things/1");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("revoked");
        assertThat(service.served).hasValue(0);

        faults.credentialsRevoked(false);
        assertThat(get("/things/1").statusCode()).isEqualTo(200);
    }

    @Test
    void latencyPastTheClientsTimeoutHoldsTheAnswerBackUntilTheClientGivesUp() {
        faults.latency(Duration.ofMillis(800), Duration.ZERO);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/things/1"))
                .timeout(Duration.ofMillis(150)).build();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void resetTurnsTheNewKnobsOffToo() throws Exception {
        faults.htmlErrorPages(1.0, 502).malformedJson(0.0).credentialsRevoked(true).reset();
        assertThat(get("/things/1").statusCode()).isEqualTo(200);
    }
}
