package io.baton.store;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A cheap round trip to the database, for the {@code store} health component. */
@Repository
public class StoreHealth {

    private final JdbcClient jdbc;

    public StoreHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the database answers {@code SELECT 1}; never throws. */
    public boolean isUp() {
        try {
            Integer one = jdbc.sql("SELECT 1").query(Integer.class).single();
            return one != null && one == 1;
        } catch (DataAccessException | IllegalStateException down) {
            return false;
        }
    }

    /** Runs {@code SELECT 1}, letting the failure propagate so a health indicator can report it. */
    public void check() {
        jdbc.sql("SELECT 1").query(Integer.class).single();
    }
}
