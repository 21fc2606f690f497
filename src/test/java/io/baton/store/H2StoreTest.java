package io.baton.store;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** The store contract on a fresh in-memory H2 in PostgreSQL mode, as the default config uses. */
class H2StoreTest extends StoreContractTest {

    @Override
    protected TestDatabase openDatabase() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:mem:baton_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUsername("sa");
        ds.setMaximumPoolSize(8);
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return ds;
            }

            @Override
            public FluentConfiguration flyway() {
                return Flyway.configure().dataSource(ds);
            }

            @Override
            public void close() {
                ds.close();
            }
        };
    }
}
