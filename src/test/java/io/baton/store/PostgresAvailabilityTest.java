package io.baton.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PostgresAvailabilityTest {

    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/test";

    @Test
    void unreachablePostgresSkipsWithAVisibleMessageWhenNotRequired() {
        assertThatThrownBy(() -> PostgresAvailability.executeOrGiveUp(NOWHERE, "postgres", "SELECT 1", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("PostgreSQL store tests skipped")
                .hasMessageContaining("baton.test.postgres.required=true");
    }

    @Test
    void unreachablePostgresFailsWhenRequired() {
        assertThatThrownBy(() -> PostgresAvailability.executeOrGiveUp(NOWHERE, "postgres", "SELECT 1", true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("baton.test.postgres.required=true");
    }
}
