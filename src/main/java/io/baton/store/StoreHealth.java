package io.baton.store;

import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A cheap round trip to the database and the schema version, for the {@code store} health component. */
@Repository
public class StoreHealth {

    private final JdbcClient jdbc;

    public StoreHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the database answers {@code SELECT 1}; never throws. */
    public boolean isUp() {
        try {
            check();
            return true;
        } catch (DataAccessException | IllegalStateException down) {
            return false;
        }
    }

    /** Runs {@code SELECT 1}, letting the failure propagate so a health indicator can report it. */
    public void check() {
        jdbc.sql("SELECT 1").query(Integer.class).single();
    }

    /**
     * The latest Flyway migration applied, empty when the schema was never migrated (the
     * {@code validate} command looks without migrating). Failures to reach the database propagate.
     */
    public Optional<String> schemaVersion() {
        check();
        try {
            return jdbc.sql("SELECT version FROM flyway_schema_history WHERE success = TRUE "
                    + "ORDER BY installed_rank DESC LIMIT 1").query(String.class).optional();
        } catch (DataAccessException noHistoryTable) {
            return Optional.empty();
        }
    }
}
