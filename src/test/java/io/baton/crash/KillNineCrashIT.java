package io.baton.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.bench.BenchPeople;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.http.SandboxHttpServer;
import io.baton.sandbox.salesforce.SObjectRecord;
import io.baton.sandbox.salesforce.SalesforceSandboxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 at random moments. Baton runs as its own process ({@code java -jar target/baton.jar},
 * the local-sandbox profile, the default H2 file store) against a sandbox holding 100,000 records:
 * 50,000 HubSpot MQL contacts and 50,000 Salesforce MQL Leads, half of them the same people, with
 * the published HubSpot limits on. It is killed with SIGKILL {@code baton.crash.cycles} times
 * (default 20; the soak runs 50) and restarted each time against the same sandbox and store; then
 * one last run finishes the backfill and the end state must be exact: every one of the 75,000
 * people once in HubSpot and once as a Salesforce Lead, every link one-to-one between two live
 * records with the same email, nothing lost, nothing duplicated, no dead letter.
 *
 * <p>Half the kills come at a random moment after start (during start-up, login, a read); the other
 * half right after a random number of the sandbox's answers to Baton's writes, the window between
 * "the CRM has it" and "Baton's store knows it". The seed is printed so a failure can be replayed
 * ({@code -Dbaton.crash.seed=...}). The sandbox runs in this JVM so its stores can be checked
 * directly; it is the same code {@code baton.jar sandbox} starts.
 */
@Tag("crash")
class KillNineCrashIT {

    private static final int EACH = Integer.getInteger("baton.crash.records-per-side", 50_000);
    private static final int CYCLES = Integer.getInteger("baton.crash.cycles", 20);
    private static final long SEED = Long.getLong("baton.crash.seed", System.nanoTime());
    private static final Path JAR = Path.of(System.getProperty("baton.crash.jar", "target/baton.jar"));
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Duration CONVERGE_LIMIT = Duration.ofMinutes(20);
    private static final int SIGKILL_EXIT = 137;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Sandbox sandbox;
    private BatonProcess baton;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (baton != null && baton.alive()) {
            baton.killNine();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void killedAtRandomMomentsBatonLosesNothingAndDuplicatesNothing() throws Exception {
        assertThat(JAR).as("the crash test runs the packaged jar; build it first (mvn package)").exists();
        Path work = Files.createDirectories(Path.of("target", "crash"));
        Path store = work.resolve("store-" + SEED);
        Path log = work.resolve("baton-" + SEED + ".log");
        Files.deleteIfExists(log);
        // a replayed seed starts from an empty store, as every run does
        Files.deleteIfExists(work.resolve("store-" + SEED + ".mv.db"));
        Files.deleteIfExists(work.resolve("store-" + SEED + ".trace.db"));
        System.out.printf("crash: seed %d, %d cycles, %,d records per side; Baton's output in %s%n", SEED, CYCLES, EACH, log);

        sandbox = Sandbox.start(SandboxSettings.forTests()
                .withSalesforce(SalesforceSandboxSettings.defaults().withDailyApiRequests(100_000_000L)));
        BenchPeople people = new BenchPeople(sandbox, EACH, 0.5, true);
        people.seed();
        Map<String, Object> options = batonOptions(store);
        Random random = new Random(SEED);

        List<Kill> kills = new ArrayList<>();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            baton = BatonProcess.start(JAR, Path.of("").toAbsolutePath(), log, options, "admin", "demo");
            long started = System.nanoTime();
            long hubspotBefore = writeCalls(sandbox.hubspotServer());
            long salesforceBefore = writeCalls(sandbox.salesforceServer());
            boolean afterWrites = random.nextBoolean();
            String moment = afterWrites ? awaitWrites(hubspotBefore + salesforceBefore, 1 + random.nextInt(20), random)
                    : sleepRandomly(random);
            long aliveMs = (System.nanoTime() - started) / 1_000_000;
            int exit = baton.killNine();
            kills.add(new Kill(cycle, moment, aliveMs, writeCalls(sandbox.hubspotServer()) - hubspotBefore,
                    writeCalls(sandbox.salesforceServer()) - salesforceBefore, exit,
                    sandbox.hubspot().store().count(), sandbox.salesforce().org().liveRows("Lead").size()));
            System.out.println("crash: " + kills.get(kills.size() - 1));
        }

        assertThat(kills).as("every kill was a SIGKILL of a running Baton").allMatch(k -> k.exit() == SIGKILL_EXIT);
        assertThat(kills).as("some kills came after Baton wrote to HubSpot (else the test proves nothing)")
                .anyMatch(k -> k.hubspotWrites() > 0);
        assertThat(kills).as("some kills came after Baton wrote to Salesforce").anyMatch(k -> k.salesforceWrites() > 0);
        Kill last = kills.get(kills.size() - 1);
        assertThat(last.hubspotContacts() < people.people() || last.leads() < people.people())
                .as("the last kill came before the backfill was done (raise baton.crash.records-per-side if not)")
                .isTrue();

        long lastRunFrom = Files.size(log);
        baton = BatonProcess.start(JAR, Path.of("").toAbsolutePath(), log, options, "admin", "demo");
        awaitConverged(people);
        assertThat(baton.stop()).as("Baton's graceful stop after the last run").isIn(0, 143);
        String lastRun = Files.readString(log).substring((int) lastRunFrom);
        assertThat(lastRun).as("the graceful stop wrote its last counts before the store closed")
                .doesNotContain("Database is already closed").doesNotContain("could not store");

        try (Connection db = DriverManager.getConnection(storeUrl(store), "", "")) {
            long activeLinks = count(db, "SELECT COUNT(*) FROM record_link WHERE status = 'ACTIVE'");
            long unresolved = count(db, "SELECT COUNT(*) FROM dead_letter WHERE status IN ('OPEN', 'PARKED')");
            assertThat(people.problems(activeLinks, unresolved)).as("the end state after %d kills", CYCLES).isEmpty();
            assertThat(linkProblems(db, people)).as("every link one-to-one between live records").isEmpty();
        }
        for (int i = 0; i < EACH; i++) {
            assertThat(sandbox.hubspot().store().contact(people.hubspotId(i))).as("seeded contact %s", people.hubspotId(i)).isPresent();
            assertThat(sandbox.salesforce().org().find(people.salesforceId(i)).filter(r -> !r.isDeleted()))
                    .as("seeded Lead %s", people.salesforceId(i)).isPresent();
        }
    }

    /** The local-sandbox profile pointed at this test's sandbox and store, polling fast, nothing but the sync. */
    private Map<String, Object> batonOptions(Path store) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("baton.hubspot.base-url", sandbox.hubspotUrl());
        options.put("camel.component.salesforce.login-url", sandbox.salesforceUrl());
        options.put("spring.mail.port", sandbox.smtp().port());
        options.put("spring.datasource.url", storeUrl(store));
        options.put("baton.sync.initial-delay", "1s");
        options.put("baton.sync.hubspot-poll-interval", "2s");
        options.put("baton.sync.salesforce-poll-interval", "2s");
        options.put("baton.sync.inventory-initial-delay", "1h");
        // Two pages per turn: both directions write in every cycle, so kills land in both CRMs' write windows.
        options.put("baton.sync.max-pages-per-run", 2);
        options.put("baton.hubspot.search-settle-time", "1s");
        options.put("baton.salesforce.change-settle-time", "1s");
        options.put("baton.leakage.scan-cron", "0 0 3 1 1 *");
        options.put("baton.alerts.enabled", "false");
        options.put("baton.resilience.recheck", "2s");
        options.put("baton.resilience.circuit-breaker.open-for", "2s");
        return options;
    }

    private static String storeUrl(Path store) {
        return "jdbc:h2:file:" + store.toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Waits until Baton is up, then for {@code target} more write calls, then a random few milliseconds more. */
    private String awaitWrites(long before, int target, Random random) throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (writeCalls() - before < target && System.nanoTime() < deadline && baton.alive()) {
            Thread.sleep(5);
        }
        int extra = random.nextInt(250);
        Thread.sleep(extra);
        return writeCalls() - before >= target ? "after write " + target + " + " + extra + " ms"
                : "waited in vain for write " + target;
    }

    /** A random moment in the first 25 s (start-up takes about 10 s on 2 cores): start-up, login, a read or a write. */
    private String sleepRandomly(Random random) throws InterruptedException {
        int ms = 500 + random.nextInt(24_500);
        Thread.sleep(ms);
        return "at " + ms + " ms" + (baton.listening() ? "" : " (still starting)");
    }

    /** Calls that changed either CRM so far. */
    private long writeCalls() {
        return writeCalls(sandbox.hubspotServer()) + writeCalls(sandbox.salesforceServer());
    }

    /** Calls that change a CRM: HubSpot batch writes and Salesforce sObject writes (not searches, reads or logins). */
    private static long writeCalls(SandboxHttpServer server) {
        long writes = 0;
        for (Map.Entry<String, Long> e : server.counter().snapshot().entrySet()) {
            String endpoint = e.getKey();
            boolean changes = endpoint.startsWith("POST") || endpoint.startsWith("PATCH") || endpoint.startsWith("DELETE");
            boolean readOnly = endpoint.contains("search") || endpoint.contains("batch/read") || endpoint.contains("oauth2");
            if (changes && !readOnly) {
                writes += e.getValue();
            }
        }
        return writes;
    }

    /**
     * Until both sides hold every person, Baton's status shows one active link each and no dead
     * letter, and that has held for 10 s (nothing still in flight).
     */
    private void awaitConverged(BenchPeople people) throws Exception {
        long deadline = System.nanoTime() + CONVERGE_LIMIT.toNanos();
        String stable = null;
        String seen = "nothing yet";
        while (System.nanoTime() < deadline) {
            assertThat(baton.alive()).as("Baton's last run is still up").isTrue();
            Optional<String> status = baton.status();
            if (status.isPresent()) {
                JsonNode body = JSON.readTree(status.get());
                int contacts = sandbox.hubspot().store().count();
                int leads = sandbox.salesforce().org().liveRows("Lead").size();
                long activeLinks = body.path("links").path("active").asLong();
                long openLetters = body.path("deadLettersOpen").asLong();
                seen = "contacts " + contacts + ", Leads " + leads + ", active links " + activeLinks
                        + ", dead letters " + openLetters + ", writes " + writeCalls();
                boolean done = contacts == people.people() && leads == people.people()
                        && activeLinks == people.people() && openLetters == 0;
                if (done && seen.equals(stable)) {
                    System.out.println("crash: converged: " + seen);
                    return;
                }
                stable = done ? seen : null;
            }
            Thread.sleep(10_000);
        }
        throw new AssertionError("Baton did not converge within " + CONVERGE_LIMIT + "; last seen: " + seen);
    }

    /** What is wrong with the active links: a side missing, a record linked twice, a dead record, emails that differ. */
    private List<String> linkProblems(Connection db, BenchPeople people) throws SQLException {
        List<String> problems = new ArrayList<>();
        Set<String> hubspotIds = new HashSet<>();
        Set<String> salesforceIds = new HashSet<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT hubspot_id, salesforce_id, salesforce_type, email FROM record_link WHERE status = 'ACTIVE'")) {
            while (rows.next() && problems.size() < 20) {
                String hubspotId = rows.getString(1);
                String salesforceId = rows.getString(2);
                String link = "link " + hubspotId + " <-> " + salesforceId;
                if (hubspotId == null || salesforceId == null) {
                    problems.add(link + ": one side missing");
                    continue;
                }
                if (!hubspotIds.add(hubspotId) || !salesforceIds.add(salesforceId.substring(0, 15))) {
                    problems.add(link + ": a record linked twice");
                }
                var contact = sandbox.hubspot().store().contact(hubspotId);
                Optional<SObjectRecord> lead = sandbox.salesforce().org().find(salesforceId).filter(r -> !r.isDeleted());
                if (contact.isEmpty() || lead.isEmpty() || !"Lead".equals(rows.getString(3))) {
                    problems.add(link + ": not two live records (contact " + contact.isPresent() + ", Lead " + lead.isPresent() + ")");
                    continue;
                }
                String hubspotEmail = contact.get().property("email").toLowerCase(Locale.ROOT);
                String leadEmail = lead.get().string("Email").toLowerCase(Locale.ROOT);
                if (!hubspotEmail.equals(leadEmail)) {
                    problems.add(link + ": emails differ (" + hubspotEmail + " / " + leadEmail + ")");
                }
            }
        }
        if (problems.isEmpty() && hubspotIds.size() != people.people()) {
            problems.add(hubspotIds.size() + " links, expected " + people.people());
        }
        return problems;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private record Kill(int cycle, String moment, long aliveMs, long hubspotWrites, long salesforceWrites, int exit,
                        int hubspotContacts, int leads) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "kill %2d %-34s alive %6d ms, writes %3d HubSpot %3d Salesforce, exit %d;"
                    + " now %,d contacts, %,d Leads", cycle, moment, aliveMs, hubspotWrites, salesforceWrites, exit,
                    hubspotContacts, leads);
        }
    }
}
