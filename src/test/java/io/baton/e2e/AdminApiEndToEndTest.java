package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.alerts.Alerts;
import io.baton.core.record.Side;
import io.baton.store.Conflict;
import io.baton.store.ConflictRepository;
import io.baton.sync.LeakScan;
import io.baton.sync.SyncLoop;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The admin API as a script sees it, against a synced, scanned and mailed demo store: the OpenAPI
 * description lists every handler under {@code /api} (taken from Spring's own handler mapping, so a
 * new endpoint is covered the day it lands), every admin URL refuses a missing or wrong password,
 * and every paged list keeps its bounds and walks its rows once each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiEndToEndTest {

    private static final SandboxedService SERVICE = new SandboxedService("adminapi");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 60, 45, 0.5);
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Autowired
    SyncLoop sync;

    @Autowired
    LeakScan leakScan;

    @Autowired
    Alerts alerts;

    @Autowired
    ConflictRepository conflicts;

    @Autowired
    JdbcClient jdbc;

    private AdminHttp http;

    @BeforeAll
    void syncScanAndMail() {
        http = new AdminHttp(port);
        sync.syncUntilQuiet(10);
        leakScan.scan();
        alerts.sendEscalations();
        // The demo seed leaves no conflict behind; a few on one link give the conflict list pages to walk.
        long link = jdbc.sql("SELECT MIN(id) FROM record_link").query(Long.class).single();
        for (int i = 0; i < 5; i++) {
            conflicts.add(Conflict.of(link, "phone", Optional.of("+1 " + i), Optional.of("+2 " + i), Optional.of("+3 " + i),
                    "two-way", Optional.of(Side.SALESFORCE)));
        }
    }

    @Test
    void theOpenApiDescriptionListsEveryAdminHandlerWithBasicAuthDeclared() throws Exception {
        assertThat(http.get("/v3/api-docs", null).statusCode()).isEqualTo(401);
        var response = http.get("/v3/api-docs", AdminHttp.ADMIN);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode api = AdminHttp.JSON.readTree(response.body());

        assertThat(api.path("openapi").asText()).startsWith("3.");
        assertThat(api.path("info").path("title").asText()).isEqualTo("Baton admin API");
        assertThat(api.path("info").path("version").asText()).isNotBlank();
        assertThat(api.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText())
                .isEqualTo("basic");
        assertThat(api.path("security").get(0).has("basicAuth")).isTrue();
        Map<String, Set<String>> described = new TreeMap<>();
        api.path("paths").fields().forEachRemaining(path -> {
            Set<String> methods = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
            described.put(path.getKey(), methods);
        });
        assertThat(described).isEqualTo(adminHandlers());
        assertThat(described).containsKeys("/api/status", "/api/leaks", "/api/alerts", "/api/dead-letters",
                "/api/dead-letters/{id}/replay", "/api/records/resync", "/api/conflicts");
        api.path("paths").forEach(path -> path.forEach(operation ->
                assertThat(operation.path("summary").asText()).as(operation.toString()).isNotBlank()));
    }

    @Test
    void theSwaggerUiIsServedToTheAdminOnly() throws Exception {
        assertThat(http.get("/swagger-ui/index.html", null).statusCode()).isEqualTo(401);
        var page = http.get("/swagger-ui/index.html", AdminHttp.ADMIN);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
    }

    /** Every admin URL, GET or POST, without credentials and with a wrong password: 401. */
    @TestFactory
    Stream<DynamicTest> everyAdminUrlRefusesAMissingOrWrongPassword() {
        List<String[]> urls = new ArrayList<>();
        adminHandlers().forEach((path, methods) -> methods.forEach(method ->
                urls.add(new String[] {method, path.replace("{id}", "1")})));
        for (String fixed : new String[] {"/actuator/prometheus", "/v3/api-docs", "/swagger-ui/index.html"}) {
            urls.add(new String[] {"GET", fixed});
        }
        return urls.stream().flatMap(url -> Stream.of(
                dynamicTest(url[0] + " " + url[1] + " without credentials", () ->
                        assertThat(http.send(url[0], url[1], null).statusCode()).isEqualTo(401)),
                dynamicTest(url[0] + " " + url[1] + " with a wrong password", () ->
                        assertThat(http.send(url[0], url[1], AdminHttp.WRONG_PASSWORD).statusCode()).isEqualTo(401))));
    }

    @ParameterizedTest(name = "{0}?{1} → 400")
    @CsvSource({
            "/api/leaks, page=-1", "/api/leaks, size=0", "/api/leaks, size=201", "/api/leaks, page=x",
            "/api/alerts, page=-1", "/api/alerts, size=0", "/api/alerts, size=201", "/api/alerts, size=x",
            "/api/dead-letters, page=-1", "/api/dead-letters, size=0", "/api/dead-letters, size=201",
            "/api/conflicts, page=-1", "/api/conflicts, size=0", "/api/conflicts, size=201"})
    void aPageOutsideTheBoundsIsABadRequestThatSaysWhy(String path, String query) throws Exception {
        var response = http.get(path + "?" + query, AdminHttp.ADMIN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(AdminHttp.JSON.readTree(response.body()).path("message").asText())
                .containsAnyOf("size 1..200", "must be a whole number");
    }

    @ParameterizedTest(name = "{0} walked 3 at a time")
    @CsvSource({"/api/leaks, leaks", "/api/alerts, alerts", "/api/dead-letters, deadLetters",
            "/api/conflicts, conflicts"})
    void pagesOfAListDoNotOverlapAndTogetherHoldEveryRowOnce(String path, String items) throws Exception {
        JsonNode first = http.json(path + "?page=0&size=3");
        long total = first.path("total").asLong();
        assertThat(total).as("rows to walk in %s", path).isGreaterThan(3);

        List<Long> seen = new ArrayList<>();
        for (int page = 0; page * 3L < total + 3; page++) {
            JsonNode body = http.json(path + "?page=" + page + "&size=3");
            assertThat(body.path("page").asInt()).isEqualTo(page);
            assertThat(body.path(items).size()).isLessThanOrEqualTo(3);
            body.path(items).forEach(item -> seen.add(item.path("id").asLong()));
        }

        assertThat(seen).hasSize((int) total);
        assertThat(new HashSet<>(seen)).hasSize((int) total);
    }

    /** Path → methods of every handler under {@code /api}, as Spring dispatches them. */
    private Map<String, Set<String>> adminHandlers() {
        Map<String, Set<String>> paths = new TreeMap<>();
        handlers.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    Set<String> names = paths.computeIfAbsent(p, k -> new TreeSet<>());
                    if (methods.isEmpty()) {
                        names.add("GET");
                    }
                    methods.forEach(m -> names.add(m.name()));
                }));
        return paths;
    }
}
