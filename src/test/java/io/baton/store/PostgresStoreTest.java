package io.baton.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The store contract on the real PostgreSQL at 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}), in a schema of its own that is dropped afterwards. Skipped with a visible
 * message when PostgreSQL is not reachable, unless {@code baton.test.postgres.required=true}.
 */
class PostgresStoreTest extends StoreContractTest {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    @Override
    protected TestDatabase openDatabase() {
        String schema = "baton_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PostgresAvailability.executeOrGiveUp(URL, USER, "CREATE SCHEMA " + schema,
                PostgresAvailability.requiredByBuild());
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(URL);
        ds.setUsername(USER);
        ds.setSchema(schema);
        ds.setMaximumPoolSize(8);
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return ds;
            }

            @Override
            public FluentConfiguration flyway() {
                return Flyway.configure().dataSource(ds).schemas(schema).defaultSchema(schema);
            }

            @Override
            public void close() {
                ds.close();
                try (Connection c = PostgresAvailability.connect(URL, USER); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (SQLException e) {
                    System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
                }
            }
        };
    }
}
