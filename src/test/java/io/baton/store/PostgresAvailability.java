package io.baton.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides what a missing PostgreSQL means for the store tests: a visible skip on a developer's
 * machine, a failure where it is required (CI sets {@code baton.test.postgres.required=true}).
 */
final class PostgresAvailability {

    static final String SKIPPED = "PostgreSQL not reachable on 127.0.0.1:5432 — PostgreSQL store tests skipped "
            + "(set baton.test.postgres.required=true to require them)";

    private PostgresAvailability() {
    }

    static boolean requiredByBuild() {
        return Boolean.getBoolean("baton.test.postgres.required");
    }

    /** Runs {@code sql} on {@code url}; when the server cannot be reached, fails or aborts the test. */
    static void executeOrGiveUp(String url, String user, String sql, boolean required) {
        try (Connection c = connect(url, user); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException unreachable) {
            if (required) {
                Assertions.fail("PostgreSQL not reachable at " + url + " but baton.test.postgres.required=true: "
                        + unreachable.getMessage(), unreachable);
            }
            System.err.println(SKIPPED);
            Assumptions.abort(SKIPPED);
        }
    }

    static Connection connect(String url, String user) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(url, props);
    }
}
