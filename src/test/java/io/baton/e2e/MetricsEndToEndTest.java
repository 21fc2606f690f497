package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.core.leakage.LeakKind;
import io.baton.core.record.CrmException;
import io.baton.sandbox.Sandbox;
import io.baton.sync.LeakScan;
import io.baton.sync.SyncLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The meters of DESIGN §3 and the README, read the way Prometheus reads them: after a sync of a
 * seeded sandbox, a few new people and a leak scan, each one on {@code /actuator/prometheus} says
 * what really happened — records synced as the CRMs' accepted writes, lag as {@code /api/status}
 * shows it, dead letters and leak flags as the store holds them — and the Grafana dashboard in
 * {@code docs/} uses no metric the service does not expose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndToEndTest {

    private static final SandboxedService SERVICE = new SandboxedService("metrics");
    private static final Path DASHBOARD = Path.of("docs/grafana-dashboard.json");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 40, 30, 0.5);
    }

    @LocalServerPort
    int port;

    @Autowired
    Sandbox sandbox;

    @Autowired
    SyncLoop sync;

    @Autowired
    LeakScan leakScan;

    @Autowired
    JdbcClient jdbc;

    private AdminHttp http;
    private PrometheusScrape before;
    private int leadsBefore;
    private PrometheusScrape after;

    @BeforeAll
    void syncThreeNewMqlsAndScan() throws Exception {
        http = new AdminHttp(port);
        sync.syncUntilQuiet(10);
        before = scrape();
        leadsBefore = sandbox.salesforce().org().liveRows("Lead").size();
        SandboxPeople people = new SandboxPeople(sandbox);
        for (String email : List.of("ada@metrics.example", "bo@metrics.example", "cy@metrics.example")) {
            people.hubspotMql(email, Map.of());
        }
        sync.syncUntilQuiet(10);
        leakScan.scan();
        after = scrape();
    }

    @Test
    void recordsSyncedCountWhatEachCrmAcceptedFromBaton() {
        for (String[] direction : new String[][] {{"hubspot-to-salesforce", "SALESFORCE"}, {"salesforce-to-hubspot", "HUBSPOT"}}) {
            long accepted = jdbc.sql("SELECT COUNT(*) FROM write_audit WHERE side = :side AND outcome = 'SUCCEEDED'")
                    .param("side", direction[1]).query(Long.class).single();
            assertThat(after.value("baton_records_synced_total", "direction", direction[0])).as(direction[0])
                    .isPositive().isEqualTo((double) accepted);
        }
        // Three new MQLs: three new Leads in the sandbox, three more records into Salesforce.
        assertThat(sandbox.salesforce().org().liveRows("Lead")).hasSize(leadsBefore + 3);
        assertThat(delta("baton_records_synced_total", "direction", "hubspot-to-salesforce")).isEqualTo(3.0);
    }

    @Test
    void writeBatchSizesAddUpToEveryRecordSentToEachCrm() {
        for (String system : List.of("hubspot", "salesforce")) {
            long sent = jdbc.sql("SELECT COUNT(*) FROM write_audit WHERE side = :side").param("side", system.toUpperCase())
                    .query(Long.class).single();
            // HubSpot also gets the clear of a stage set backwards before the set itself (one record, two writes).
            assertThat(after.value("baton_write_batch_size_sum", "system", system)).as(system)
                    .isGreaterThanOrEqualTo((double) sent);
            assertThat(after.value("baton_write_batch_size_count", "system", system)).as(system).isPositive();
        }
        assertThat(after.value("baton_write_batch_size_sum", "system", "salesforce")).isEqualTo(
                (double) jdbc.sql("SELECT COUNT(*) FROM write_audit WHERE side = 'SALESFORCE'").query(Long.class).single());
        assertThat(delta("baton_write_batch_size_count", "system", "salesforce")).as("the three Leads in one call")
                .isEqualTo(1.0);
        assertThat(delta("baton_write_batch_size_sum", "system", "salesforce")).isEqualTo(3.0);
    }

    @Test
    void syncLagPerDirectionIsWhatTheStatusApiShows() throws Exception {
        JsonNode status = http.json("/api/status");
        long hubspotLag = status.path("streams").get(0).path("lagSeconds").asLong(-1);

        assertThat(after.value("baton_sync_lag_seconds", "direction", "hubspot-to-salesforce")).isEqualTo((double) hubspotLag)
                .isZero();
        assertThat(after.value("baton_sync_lag_seconds", "direction", "salesforce-to-hubspot")).isZero();
    }

    @Test
    void deadLettersFiledByClassMatchTheLettersInTheStore() {
        for (CrmException.Kind kind : CrmException.Kind.values()) {
            long filed = jdbc.sql("SELECT COALESCE(SUM(attempts), 0) FROM dead_letter WHERE error_category = :c")
                    .param("c", kind.name()).query(Long.class).single();
            assertThat(after.value("baton_dead_letters_filed_total", "class", kind.name())).as(kind.name())
                    .isEqualTo((double) filed);
        }
        assertThat(after.value("baton_dead_letters_filed_total", "class", "RECORD")).as("the seed's blank companies")
                .isPositive();
    }

    @Test
    void leakFlagsOpenedByTheScanAreTheFlagsNowOpen() {
        double opened = 0;
        for (LeakKind kind : LeakKind.values()) {
            assertThat(after.value("baton_leak_flags_opened_total", "kind", kind.id()))
                    .as(kind.id()).isEqualTo(after.value("baton_leaks_open", "kind", kind.id()));
            assertThat(after.value("baton_leak_flags_closed_total", "kind", kind.id())).isZero();
            opened += after.value("baton_leak_flags_opened_total", "kind", kind.id());
        }
        assertThat(opened).isPositive();
    }

    @Test
    void apiCallsAreCountedAndTimedWithLatencyBuckets() {
        for (String system : List.of("hubspot", "salesforce")) {
            assertThat(after.value("baton_api_calls_total", "system", system)).as(system).isPositive();
        }
        assertThat(after.names()).contains("baton_api_call_seconds_bucket", "baton_api_call_seconds_count",
                "baton_api_budget_used", "baton_api_budget_allocated", "baton_circuit_state", "baton_sync_paused",
                "baton_dead_letters", "baton_dead_letters_open", "baton_api_retries_total");
    }

    @Test
    void theGrafanaDashboardUsesOnlyMetricsTheServiceExposes() throws Exception {
        JsonNode dashboard = AdminHttp.JSON.readTree(Files.readString(DASHBOARD));
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
                    .isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
        });
        dashboard.path("templating").path("list").forEach(variable -> {
            if (variable.path("type").asText().equals("query")) {
                expressions.add(variable.path("definition").asText());
            }
        });
        assertThat(dashboard.path("templating").path("list").get(0).path("type").asText()).isEqualTo("datasource");

        Set<String> used = new TreeSet<>();
        Pattern metric = Pattern.compile("\\bbaton_[a-z0-9_]+\\b");
        for (String expression : expressions) {
            Matcher m = metric.matcher(expression);
            boolean any = false;
            while (m.find()) {
                used.add(m.group());
                any = true;
            }
            assertThat(any).as("a Baton metric in %s", expression).isTrue();
        }

        assertThat(after.names()).containsAll(used);
        assertThat(used).contains("baton_records_synced_total", "baton_sync_lag_seconds", "baton_api_calls_total",
                "baton_api_budget_used", "baton_api_budget_allocated", "baton_api_call_seconds_bucket",
                "baton_dead_letters_open", "baton_leaks_open", "baton_circuit_state", "baton_sync_paused");
    }

    private double delta(String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private PrometheusScrape scrape() throws Exception {
        var response = http.get("/actuator/prometheus", AdminHttp.ADMIN);
        assertThat(response.statusCode()).isEqualTo(200);
        return new PrometheusScrape(response.body());
    }
}
