package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.core.leakage.LeakKind;
import io.baton.core.record.RecordRef;
import io.baton.sandbox.http.SandboxClock;
import io.baton.store.DeadLetterRepository;
import io.baton.store.LeakFlag;
import io.baton.store.LeakFlagRepository;
import io.baton.store.LeakFlagStatus;
import io.baton.store.LifecycleRepository;
import io.baton.store.RecordLink;
import io.baton.store.RecordLinkRepository;
import io.baton.store.StageMove;
import io.baton.sync.LeakScan;
import io.baton.sync.SyncLoop;
import io.baton.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The leak scan through its real wiring against the demo's sandbox, with the service's clock in
 * the test's hand: the shipped rules of config/leakage.yml, lifecycle state seeded through the
 * repository (the sync does not write it yet), and the flags read back from the store and the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeakScanEndToEndTest {

    private static final SandboxedService SERVICE = new SandboxedService("leaks");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
    private static final SandboxClock CLOCK = SandboxClock.system();

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
    }

    /** The service's clock, moved forward by the tests instead of waiting for SLAs to run out. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Sandbox sandbox;

    @Autowired
    org.apache.camel.CamelContext camel;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    SyncLoop sync;

    @Autowired
    LeakScan scan;

    @Autowired
    RecordLinkRepository links;

    @Autowired
    LifecycleRepository lifecycle;

    @Autowired
    LeakFlagRepository flags;

    @Autowired
    DeadLetterRepository deadLetters;

    private SandboxPeople people() {
        return new SandboxPeople(sandbox);
    }

    private RecordLink syncedMql(String email) {
        String id = people().hubspotMql(email, Map.of());
        sync.syncUntilQuiet(10);
        RecordLink link = links.findByHubSpotId(id).orElseThrow();
        assertThat(link.salesforce()).as("synced to Salesforce: %s", deadLetters.listOpen(5)).isPresent();
        lifecycle.move(new StageMove(link.id(), "mql", Optional.empty(), Optional.empty(), "test"));
        return link;
    }

    private Optional<LeakFlag> openFlag(String hubspotId, String kind) {
        return flags.findOpen(RecordRef.hubspotContact(hubspotId), kind);
    }

    @Test
    @Order(1)
    void mqlUntouchedPastSlaOpensOneFlagAndASecondScanOpensNone() {
        RecordLink link = syncedMql("untouched@example.com");
        CLOCK.advance(Duration.ofDays(7));

        LeakScan.Summary first = scan.scan();
        CLOCK.advance(Duration.ofMinutes(15));
        LeakScan.Summary second = scan.scan();

        String hubspotId = link.hubspotId().orElseThrow();
        LeakFlag flag = openFlag(hubspotId, "mql-not-accepted").orElseThrow();
        assertThat(first.opened()).isEqualTo(1);
        assertThat(first.scanned()).isGreaterThanOrEqualTo(1);
        assertThat(second.opened()).isZero();
        assertThat(second.closed()).isZero();
        assertThat(flags.listOpen(Optional.of("mql-not-accepted"), 0, 10).total()).isEqualTo(1);
        assertThat(flag.rule()).isEqualTo("mql-not-accepted");
        assertThat(flag.level()).isEqualTo(2);
        assertThat(flag.stage()).contains("mql");
        assertThat(flag.salesforce()).isEqualTo(link.salesforce());
        assertThat(flag.dueAt()).isPresent();
        assertThat(flag.cause()).hasValueSatisfying(c -> assertThat(c).contains("not accepted"));
    }

    @Test
    @Order(2)
    void touchingTheMqlClosesItsFlag() {
        RecordLink link = links.findByEmail("untouched@example.com").get(0);
        long flagId = openFlag(link.hubspotId().orElseThrow(), "mql-not-accepted").orElseThrow().id();
        CLOCK.advance(Duration.ofMinutes(5));
        lifecycle.touch(link.id(), CLOCK.instant());
        CLOCK.advance(Duration.ofMinutes(15));

        LeakScan.Summary summary = scan.scan();

        assertThat(summary.closed()).isEqualTo(1);
        assertThat(flags.find(flagId).orElseThrow().status()).isEqualTo(LeakFlagStatus.CLOSED);
        assertThat(openFlag(link.hubspotId().orElseThrow(), "mql-not-accepted")).isEmpty();
    }

    @Test
    @Order(3)
    void mqlsThatNeverReachedSalesforceAreFlaggedWithTheirCause() {
        String refused = people().hubspotMql("nocompany@example.com", Map.of("company", ""));
        String excluded = people().hubspotMql("optedout@example.com", Map.of("hs_email_optout", "true"));
        sync.syncUntilQuiet(10);
        String waiting = people().hubspotMql("waiting@example.com", Map.of());
        CLOCK.advance(Duration.ofHours(1));

        LeakScan.Summary summary = scan.scan();

        assertThat(summary.opened()).isEqualTo(3);
        assertThat(openFlag(refused, "mql-not-in-salesforce").flatMap(LeakFlag::cause).orElseThrow())
                .contains("Salesforce refused it (dead letter): REQUIRED_FIELD_MISSING");
        assertThat(openFlag(excluded, "mql-not-in-salesforce").flatMap(LeakFlag::cause).orElseThrow())
                .contains("excluded by the inclusion filter: condition not met: hs_email_optout");
        assertThat(openFlag(waiting, "mql-not-in-salesforce").flatMap(LeakFlag::cause).orElseThrow())
                .contains("not yet synced");
        assertThat(openFlag(waiting, "mql-not-in-salesforce").orElseThrow().salesforce()).isEmpty();
    }

    @Test
    @Order(4)
    void syncingTheWaitingMqlClosesItsFlag() {
        String waiting = people().hubspotByEmail("waiting@example.com").get(0).id();
        sync.syncUntilQuiet(10);
        CLOCK.advance(Duration.ofMinutes(15));

        scan.scan();

        assertThat(openFlag(waiting, "mql-not-in-salesforce")).isEmpty();
        // Synced now, it waits for a rep: its lifecycle state (written by the sync, with HubSpot's
        // stage date) is days old on the moved clock, so it is not accepted in time either.
        assertThat(flags.countOpenByKind()).isEqualTo(Map.of("mql-not-in-salesforce", 2L, "mql-not-accepted", 1L));
    }

    @Test
    @Order(5)
    void theLeaksApiNeedsCredentials() throws Exception {
        assertThat(get("/api/leaks", null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void theLeaksApiPagesTheOpenFlagsAndFiltersByKind() throws Exception {
        JsonNode first = JSON.readTree(get("/api/leaks?size=1&kind=mql-not-in-salesforce", ADMIN).body());
        JsonNode second = JSON.readTree(get("/api/leaks?size=1&page=1&kind=mql-not-in-salesforce", ADMIN).body());
        JsonNode none = JSON.readTree(get("/api/leaks?kind=stale", ADMIN).body());

        assertThat(first.path("total").asLong()).isEqualTo(2);
        assertThat(JSON.readTree(get("/api/leaks", ADMIN).body()).path("total").asLong()).isEqualTo(3);
        assertThat(first.path("leaks")).hasSize(1);
        assertThat(second.path("leaks")).hasSize(1);
        assertThat(second.path("leaks").get(0).path("id").asLong()).isNotEqualTo(first.path("leaks").get(0).path("id").asLong());
        JsonNode leak = first.path("leaks").get(0);
        assertThat(leak.path("kind").asText()).isEqualTo("mql-not-in-salesforce");
        assertThat(leak.path("rule").asText()).isEqualTo("mql-missing-in-salesforce");
        assertThat(leak.path("hubspotId").asText()).isNotBlank();
        assertThat(leak.path("salesforceId").isNull()).isTrue();
        assertThat(leak.path("stage").asText()).isEqualTo("mql");
        assertThat(leak.path("level").asInt()).isBetween(1, 2);
        assertThat(leak.path("opened").asText()).isNotBlank();
        assertThat(leak.path("due").asText()).isNotBlank();
        assertThat(leak.path("cause").asText()).contains("not in Salesforce");
        assertThat(leak.has("owner")).isTrue();
        assertThat(none.path("total").asLong()).isZero();
        assertThat(get("/api/leaks?size=1000", ADMIN).statusCode()).isEqualTo(400);
        assertThat(get("/api/leaks?kind=stale-lead", ADMIN).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(7)
    void theScanRouteRunsOnTheConfiguredCron() throws Exception {
        camel.getRouteController().startRoute("leakage-scan");

        assertThat(camel.getRouteController().getRouteStatus("leakage-scan").isStarted()).isTrue();
        assertThat(camel.getRoute("leakage-scan").getEndpoint().getEndpointUri()).contains("scheduler.cron=30+*+*+*+*+*");  // the demo profile's
        camel.getRouteController().stopRoute("leakage-scan");
    }

    @Test
    @Order(8)
    void aLeadLeftWithAQueueOrAnInactiveUserPastTheSlaIsUnowned() {
        RecordLink queued = syncedMql("queued@example.com");
        RecordLink orphaned = syncedMql("orphaned@example.com");
        String leaver = sandbox.salesforce().org().seedUser("leaver@example.com", "Lee", "Ver");
        people().editInSalesforce(queued.salesforceId().orElseThrow(), Map.of("OwnerId", "00G000000000001AAA"));
        people().editInSalesforce(orphaned.salesforceId().orElseThrow(), Map.of("OwnerId", leaver));
        people().editInSalesforce(leaver, Map.of("IsActive", false));
        CLOCK.advance(Duration.ofDays(7));

        scan.scan();

        assertThat(openFlag(queued.hubspotId().orElseThrow(), "unowned").flatMap(LeakFlag::cause).orElseThrow())
                .contains("owned by a queue (00G000000000001AAA)");
        assertThat(openFlag(orphaned.hubspotId().orElseThrow(), "unowned").flatMap(LeakFlag::cause).orElseThrow())
                .contains("owned by an inactive user");
    }

    @Test
    @Order(9)
    void anSqlWithoutActivityInEitherSystemIsStaleUntilSalesforceLogsSome() {
        RecordLink quiet = syncedMql("quiet@example.com");
        lifecycle.move(new StageMove(quiet.id(), "sql", Optional.empty(), Optional.empty(), "test"));
        CLOCK.advance(Duration.ofDays(11));

        scan.scan();
        LeakFlag stale = openFlag(quiet.hubspotId().orElseThrow(), "stale").orElseThrow();
        sandbox.salesforce().org().setLastActivityDate(quiet.salesforceId().orElseThrow(),
                CLOCK.instant().atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDate());
        CLOCK.advance(Duration.ofMinutes(15));
        scan.scan();

        assertThat(stale.rule()).isEqualTo("stale-sql");
        assertThat(stale.cause()).hasValueSatisfying(c -> assertThat(c).contains("no activity in sql"));
        assertThat(flags.find(stale.id()).orElseThrow().status()).isEqualTo(LeakFlagStatus.CLOSED);
    }

    @Test
    @Order(10)
    void openFlagsAreCountedPerKindForPrometheus() {
        assertThat(meters.get("baton.leaks.open").tag("kind", "mql-not-in-salesforce").gauge().value()).isEqualTo(2.0);
        assertThat(meters.get("baton.leaks.open").tag("kind", "stale").gauge().value()).isZero();
    }

    @Test
    @Order(11)
    void flagsOpenedAndClosedAreCountedPerKindAsTheStoreHoldsThem() {
        for (LeakKind kind : LeakKind.values()) {
            List<LeakFlag> all = new ArrayList<>(flags.listOpen());
            all.addAll(flags.closedSince(Instant.EPOCH));
            long ofKind = all.stream().filter(f -> f.kind().equals(kind.id())).count();
            long closed = flags.closedSince(Instant.EPOCH).stream().filter(f -> f.kind().equals(kind.id())).count();

            assertThat(meters.get("baton.leak.flags.opened").tag("kind", kind.id()).counter().count()).as(kind.id())
                    .isEqualTo((double) ofKind);
            assertThat(meters.get("baton.leak.flags.closed").tag("kind", kind.id()).counter().count()).as(kind.id())
                    .isEqualTo((double) closed);
        }
        assertThat(meters.get("baton.leak.flags.closed").tag("kind", "mql-not-accepted").counter().count())
                .as("the touched MQL's flag").isPositive();
    }

    private HttpResponse<String> get(String path, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
