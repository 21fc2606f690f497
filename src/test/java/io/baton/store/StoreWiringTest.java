package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The repositories are plain Spring beans: component scanning finds them given a JdbcClient and a Clock. */
class StoreWiringTest {

    @Test
    void componentScanOfTheStorePackageWiresEveryRepository() {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:wiring_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(JdbcClient.class, () -> JdbcClient.create(ds));
            context.registerBean(Clock.class, Clock::systemUTC);
            context.scan("io.baton.store");
            context.refresh();

            assertThat(context.getBeansOfType(Object.class).keySet()).contains("recordLinkRepository",
                    "fieldSnapshotRepository", "syncCursorRepository", "lifecycleRepository", "conflictRepository",
                    "writeAuditRepository", "deadLetterRepository", "leakFlagRepository", "alertRepository", "digestRunRepository",
                    "storeHealth");
            assertThat(context.getBean(StoreHealth.class).isUp()).isTrue();
        }
    }
}
