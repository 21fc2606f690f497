package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.config.CandidateRules;
import io.baton.config.InvalidConfigurationException;
import io.baton.sync.LeakScan;
import io.baton.sync.PlanReport;
import io.baton.sync.SyncPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The dry run against the seeded sandbox, once per store engine ({@link PlanEndToEndTest} on H2,
 * {@link PlanOnPostgresEndToEndTest} on PostgreSQL): a plan sends no write to either CRM and leaves the store
 * as it was, and the real run after it then makes exactly the planned writes (per system, type,
 * operation, record and field), stage moves, leak flags and conflicts — on a first backfill, on a
 * steady run after edits on both sides, and with a candidate mapping planned as a re-baseline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class PlanScenarios extends SyncedServiceTest {

    /** The seeded sandbox, with its deliberate flaws (a Lead without a company, shared emails). */
    static void seed(DynamicPropertyRegistry registry, SandboxedService service) {
        service.register(registry, 40, 30, 0.3);
    }

    @Autowired
    SyncPlanner planner;

    @Autowired
    LeakScan leakScan;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    io.baton.sync.Rebaseline rebaseline;

    @Autowired
    io.baton.store.ApiUsageRepository usage;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    @Order(1)
    void theFirstBackfillIsPlannedWithoutAWriteAndThenRunsExactlyAsPlanned() {
        PlanReport plan = plannedWithoutWriting(() -> planner.plan(false));

        assertThat(plan.changesRead()).isPositive();
        assertThat(plan.writes()).extracting(PlanReport.Write::operation).contains("create", "update");
        assertThat(plan.lifecycleMoves()).isNotEmpty();
        assertThat(plan.incomplete()).isNull();
        assertThat(plan.failures()).extracting(PlanReport.Failure::errorCode)
                .as("the seed's Lead without a company and its shared email, foreseen")
                .contains("REQUIRED_FIELD_MISSING", "IDENTITY_CONFLICT");

        assertTheRealRunDoesWhatWasPlanned(plan);
    }

    @Test
    @Order(2)
    void aSteadyRunAfterEditsOnBothSidesRunsExactlyAsPlanned() {
        List<String> contacts = jdbc.sql("SELECT hubspot_id FROM record_link WHERE status = 'ACTIVE' "
                + "AND hubspot_id IS NOT NULL AND salesforce_id LIKE '00Q%' ORDER BY id").query(String.class).list();
        List<String> leads = jdbc.sql("SELECT salesforce_id FROM record_link WHERE status = 'ACTIVE' "
                + "AND salesforce_id LIKE '00Q%' ORDER BY id DESC").query(String.class).list();
        assertThat(contacts).hasSizeGreaterThan(3);
        people.editInHubSpot(contacts.get(0), Map.of("jobtitle", "VP Planning"));
        people.editInHubSpot(contacts.get(1), Map.of("phone", "+1 555 0101"));
        people.editInSalesforce(leads.get(0), Map.of("Title", "Head of Dry Runs"));
        people.hubspotMql("new.person@plan.example", Map.of("jobtitle", "Buyer"));
        people.salesforceLead("rep.typed@plan.example", Map.of());

        PlanReport plan = plannedWithoutWriting(() -> planner.plan(false));

        assertThat(plan.writes()).anySatisfy(w -> assertThat(w.fields()).containsEntry("Title", "VP Planning"));
        assertThat(plan.writes()).anySatisfy(w -> assertThat(w.fields()).containsEntry("jobtitle", "Head of Dry Runs"));
        assertThat(plan.writes()).anySatisfy(w -> assertThat(w.fields()).containsEntry("Email", "new.person@plan.example"));
        assertThat(plan.writes()).anySatisfy(w -> assertThat(w.fields()).containsEntry("email", "rep.typed@plan.example"));
        assertTheRealRunDoesWhatWasPlanned(plan);

        PlanReport quiet = plannedWithoutWriting(() -> planner.plan(false));
        assertThat(quiet.writes()).as("a second plan after the run finds nothing to do").isEmpty();
    }

    @Test
    @Order(3)
    void aCandidateMappingIsPlannedAsARebaselineWritingOnlyWhatTheNewMappingAdds(@TempDir Path candidate)
            throws IOException {
        List<String> contacts = jdbc.sql("SELECT hubspot_id FROM record_link WHERE status = 'ACTIVE' "
                + "AND hubspot_id IS NOT NULL AND salesforce_id LIKE '00Q%' ORDER BY id").query(String.class).list();
        people.editInHubSpot(contacts.get(2), Map.of("city", "Springfield"));
        people.editInHubSpot(contacts.get(3), Map.of("city", "Shelbyville"));
        sync.syncUntilQuiet(10);   // today's rules do not map city: nothing to write
        writeCandidate(candidate, """
                      - hubspot: city
                        salesforce: City
                        rule: prefer-hubspot-unless-blank
                        applies-to: [lead]
                """);
        CandidateRules rules = CandidateRules.load(candidate, environment);

        PlanReport plan = plannedWithoutWriting(() -> planner.plan(rules, true));

        assertThat(plan.rules()).isEqualTo(candidate.toString());
        assertThat(plan.full()).isTrue();
        assertThat(plan.changesRead()).as("a re-baseline reads everyone again").isGreaterThanOrEqualTo(contacts.size());
        assertThat(plan.writes()).filteredOn(w -> w.fields().containsKey("City"))
                .extracting(w -> w.system() + " " + w.type() + " " + w.fields())
                .containsExactlyInAnyOrder("salesforce Lead {City=Springfield}", "salesforce Lead {City=Shelbyville}");
        // Reading everyone again also tries again the records whose writes the CRM refused before.
        List<String> refused = deadLetters.listOpen(50).stream().map(d -> d.record().id()).toList();
        assertThat(plan.writes()).filteredOn(w -> !w.fields().containsKey("City"))
                .allSatisfy(w -> assertThat(w.fields().values()).containsAnyElementsOf(refused));
        assertThat(planner.plan(false).writes()).as("with today's rules the same state plans nothing").isEmpty();
    }

    @Test
    @Order(4)
    void anInvalidCandidateIsRefusedNamingItsFileAndKey(@TempDir Path candidate) throws IOException {
        writeCandidate(candidate, """
                      - hubspot: city
                        salesforce: City
                        rule: sometimes
                """);

        assertThatThrownBy(() -> CandidateRules.load(candidate, environment))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).endsWith("mappings.yml");
                            assertThat(p.key()).contains("rule");
                        }));
        assertThatThrownBy(() -> CandidateRules.load(candidate.resolve("missing"), environment))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("missing");
    }

    @Test
    @Order(5)
    void aRebaselineReadsEveryoneAgainAndDoesWhatItsPlanSaid() {
        PlanReport plan = plannedWithoutWriting(() -> planner.plan(true));
        assertThat(plan.changesRead()).isGreaterThanOrEqualTo((int) links.countByStatus(io.baton.store.LinkStatus.ACTIVE));

        assertThat(rebaseline.start()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_cursor").query(Long.class).single()).isZero();
        assertThat(rebaseline.startedAt()).isPresent();

        assertTheRealRunDoesWhatWasPlanned(plan);
    }

    @Test
    @Order(6)
    void apiCallsCountedDuringAPlanOutliveItsRollback() {
        java.time.Instant bucket = java.time.Instant.parse("2026-01-01T00:00:00Z");
        transaction.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            usage.add("plan-test", bucket, 7);
        });

        assertThat(usage.since("plan-test", bucket)).containsEntry(bucket, 7L);
    }

    /** The shipped mappings.yml with {@code extraField} added to its field list, in {@code folder}. */
    private static void writeCandidate(Path folder, String extraField) throws IOException {
        String shipped = Files.readString(Path.of("config/mappings.yml"));
        int at = shipped.indexOf("      - hubspot: phone");
        assertThat(at).isPositive();
        Files.writeString(folder.resolve("mappings.yml"), shipped.substring(0, at) + extraField + shipped.substring(at));
    }

    /** Runs a plan and checks that it sent no write to either CRM and left every store table as it was. */
    private PlanReport plannedWithoutWriting(java.util.function.Supplier<PlanReport> plan) {
        SandboxPeople.Calls before = people.calls();
        Map<String, Object> storeBefore = storeCounts();

        PlanReport report = plan.get();

        SandboxPeople.Calls after = people.calls();
        assertThat(after.hubspotWrites()).as("HubSpot writes during the plan").isEqualTo(before.hubspotWrites());
        assertThat(after.salesforceWrites()).as("Salesforce writes during the plan").isEqualTo(before.salesforceWrites());
        assertThat(after.hubspotSearches() + after.salesforceQueries())
                .as("the plan read both CRMs").isGreaterThan(before.hubspotSearches() + before.salesforceQueries());
        assertThat(storeCounts()).as("the store after the plan").isEqualTo(storeBefore);
        return report;
    }

    private Map<String, Object> storeCounts() {
        Map<String, Object> counts = new TreeMap<>();
        for (String table : List.of("record_link", "field_snapshot", "sync_cursor", "lifecycle_state", "lifecycle_event",
                "conflict", "write_audit", "dead_letter", "leak_flag", "handoff_rotation")) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        counts.put("open flags", jdbc.sql("SELECT COUNT(*) FROM leak_flag WHERE status = 'OPEN'").query(Long.class).single());
        counts.put("cursors", jdbc.sql("SELECT stream, position_ts, position_id FROM sync_cursor ORDER BY stream")
                .query((rs, n) -> rs.getString(1) + "@" + rs.getTimestamp(2).toInstant() + "/" + rs.getString(3)).list());
        return counts;
    }

    /** Runs the sync and the leak scan for real and compares what they did with the plan. */
    private void assertTheRealRunDoesWhatWasPlanned(PlanReport plan) {
        java.time.Instant startedAt = sandbox.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        long audit = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM write_audit").query(Long.class).single();
        long events = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM lifecycle_event").query(Long.class).single();
        long conflicts = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM conflict").query(Long.class).single();
        long flags = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM leak_flag").query(Long.class).single();

        sync.syncUntilQuiet(20);
        leakScan.scan();
        // The failures the plan foresaw happened, and the only others are writes a CRM itself refused (a
        // required field missing), which no plan can know. The records any failure names, and what
        // follows from it (a duplicate person written twice echoes back once more), are left out below.
        List<io.baton.store.DeadLetter> failed = deadLetters.failedSince(startedAt);
        assertThat(failed).extracting(d -> d.record().id() + " " + d.errorCode().orElse(""))
                .as("the failures the plan foresaw").containsAll(plan.failures().stream()
                        .map(f -> f.recordId() + " " + f.errorCode()).toList());
        List<io.baton.store.DeadLetter> unforeseen = failed.stream().filter(d -> plan.failures().stream()
                .noneMatch(f -> d.record().id().equals(f.recordId()))).toList();
        assertThat(unforeseen).as("only the CRMs' own refusals are beyond the plan")
                .allSatisfy(d -> assertThat(d.errorCode().orElse("")).isNotIn("IDENTITY_CONFLICT", "MAPPING_ERROR",
                        "MISSING_EMAIL", "MISSING_EXTERNAL_ID"));
        List<String> refused = failed.stream()
                .flatMap(d -> java.util.stream.Stream.of(d.record().id() + " ", " " + d.reason() + " ")).toList();

        List<String> done = jdbc.sql("SELECT side, record_type, record_id, operation, fields_changed FROM write_audit "
                        + "WHERE id > :id AND fields_changed <> ''").param("id", audit)
                .query((rs, n) -> writeKey(rs.getString(1).toLowerCase(), rs.getString(2),
                        rs.getString(4).equals("UPSERT") ? "create" : "update",
                        rs.getString(4).equals("UPSERT") ? null : rs.getString(3), List.of(rs.getString(5).split(","))))
                .list().stream().filter(w -> !namedIn(refused, w)).toList();
        List<String> planned = plan.writes().stream().filter(w -> w.origin().equals("sync"))
                // A backward move in HubSpot clears the stage in a call of its own (A.5); the audit
                // keeps one row for the move.
                .filter(w -> !w.fields().equals(Map.of("lifecyclestage", "")))
                .map(w -> writeKey(w.system(), w.type(), w.operation(), w.recordId(), List.copyOf(w.fields().keySet())))
                .filter(w -> !namedIn(refused, w))
                .toList();
        assertThat(unforeseen).as("failures the plan did not foresee").isEmpty();
        assertThat(done).as("the writes the real run made").containsExactlyInAnyOrderElementsOf(planned);

        List<String> moved = jdbc.sql("SELECT l.hubspot_id, l.salesforce_id, e.from_stage, e.to_stage, e.outcome "
                        + "FROM lifecycle_event e JOIN record_link l ON l.id = e.link_id WHERE e.id > :id")
                .param("id", events).query((rs, n) -> List.of(String.valueOf(rs.getString(1)), String.valueOf(rs.getString(2)),
                        rs.getString(3) + ">" + rs.getString(4) + ":" + rs.getString(5)))
                .list().stream().filter(m -> !namedIn(refused, m.get(0)) && !namedIn(refused, m.get(1)))
                .map(m -> m.get(2)).toList();
        assertThat(moved).as("the stage moves").containsExactlyInAnyOrderElementsOf(plan.lifecycleMoves().stream()
                .filter(m -> !namedIn(refused, String.valueOf(m.hubspotId())) && !namedIn(refused, String.valueOf(m.salesforceId())))
                .map(m -> m.from() + ">" + m.to() + ":" + m.outcome()).toList());
        long conflictCount = jdbc.sql("SELECT COUNT(*) FROM conflict WHERE id > :id").param("id", conflicts)
                .query(Long.class).single();
        assertThat(conflictCount).as("the conflicts").isEqualTo(plan.conflicts().size());
        List<String> opened = jdbc.sql("SELECT kind, record_id FROM leak_flag WHERE id > :id").param("id", flags)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
        List<String> plannedFlags = new ArrayList<>();
        for (PlanReport.Flag f : plan.flagsOpened()) {
            plannedFlags.add(f.kind() + " " + (f.salesforceId() != null && opened.contains(f.kind() + " " + f.salesforceId())
                    ? f.salesforceId() : f.hubspotId()));
        }
        assertThat(opened.stream().map(o -> o.split(" ")[0]).sorted().collect(Collectors.toList()))
                .as("the leak flags opened, by kind")
                .isEqualTo(plannedFlags.stream().map(o -> o.split(" ")[0]).sorted().collect(Collectors.toList()));
    }

    /** Whether a record id (or the record id of a write key) is one the real run's dead letters name. */
    private static boolean namedIn(List<String> refused, String writeOrId) {
        String[] parts = writeOrId.split(" ");
        String id = parts.length > 3 ? parts[3] : writeOrId;
        return refused.stream().anyMatch(r -> r.contains(" " + id + " ") || r.startsWith(id + " "));
    }

    private static String writeKey(String system, String type, String operation, String recordId, List<String> fields) {
        return system + " " + type + " " + operation + " " + (recordId == null ? "(new)" : recordId) + " "
                + fields.stream().sorted().collect(Collectors.joining(","));
    }
}
