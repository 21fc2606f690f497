package io.baton.store;

import io.baton.sandbox.http.SandboxClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store's behaviour, written once and run on every engine Baton supports: each concrete
 * subclass supplies a fresh empty database; the behaviours themselves live in the
 * {@code *Contract} interfaces, one per repository.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContractTest implements StoreFixture, MigrationContract, RecordLinkContract,
        SyncCursorContract, FieldSnapshotContract, LifecycleContract, ConflictContract, WriteAuditContract,
        DeadLetterContract, LeakFlagContract, AlertContract, StoreHealthContract, PageCommitContract,
        HandoffRotationContract, ApiUsageContract {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    /** Children first, so deleting never trips a foreign key. */
    private static final List<String> TABLES = List.of("api_usage", "handoff_rotation", "digest_run", "alert_flag", "alert", "leak_flag", "dead_letter",
            "write_audit", "conflict", "lifecycle_event", "lifecycle_state", "field_snapshot", "sync_cursor",
            "record_link");

    private TestDatabase database;
    private JdbcClient jdbc;
    private SandboxClock clock;

    /** A fresh, empty database (schema not yet migrated), closed by {@link TestDatabase#close()}. */
    protected abstract TestDatabase openDatabase();

    @BeforeAll
    void migrate() {
        database = openDatabase();
        database.flyway().load().migrate();
        jdbc = JdbcClient.create(database.dataSource());
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyTablesAndResetClock() {
        jdbc.sql("UPDATE record_link SET merged_into_id = NULL").update();
        TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
        clock = new SandboxClock(Clock.fixed(START, ZoneOffset.UTC));
    }

    @Override
    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public SandboxClock clock() {
        return clock;
    }

    @Override
    public Flyway flyway() {
        return database.flyway().load();
    }

    /** A database for one test class, and how to migrate and dispose of it. */
    interface TestDatabase extends AutoCloseable {

        DataSource dataSource();

        /** Flyway configured for this database (schemas, locations), not yet loaded. */
        org.flywaydb.core.api.configuration.FluentConfiguration flyway();

        @Override
        void close();
    }
}
