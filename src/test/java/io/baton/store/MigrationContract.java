package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;

interface MigrationContract extends StoreFixture {

    /** The tables DESIGN.md §3 promises, plus the alert-to-flag join. */
    List<String> DESIGN_TABLES = List.of("record_link", "field_snapshot", "sync_cursor", "lifecycle_state",
            "lifecycle_event", "conflict", "write_audit", "dead_letter", "leak_flag", "alert", "alert_flag");

    @Test
    default void migrationOfEmptyDatabaseIsAppliedAndValidates() {
        assertThat(flyway().info().applied()).isNotEmpty();
        assertThat(flyway().info().pending()).isEmpty();
        assertThatCode(() -> flyway().validate()).doesNotThrowAnyException();
    }

    @Test
    default void migratingAgainChangesNothing() {
        assertThat(flyway().migrate().migrationsExecuted).isZero();
    }

    @Test
    default void everyDesignTableExists() {
        for (String table : DESIGN_TABLES) {
            assertThat(jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single())
                    .as(table).isZero();
        }
    }
}
