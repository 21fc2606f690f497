package io.baton.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link PlanScenarios} with the store on the real PostgreSQL (a schema of its own): the dry
 * run's one rolled-back transaction, savepoints and all, is the production path. Skipped when
 * PostgreSQL is not reachable, unless the build requires it ({@code baton.test.postgres.required=true}).
 */
class PlanOnPostgresEndToEndTest extends PlanScenarios {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = "baton_plan_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final SandboxedService SERVICE = new SandboxedService("plan_pg");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            if (Boolean.getBoolean("baton.test.postgres.required")) {
                throw new IllegalStateException("PostgreSQL is required by this build but not reachable: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL not reachable on 127.0.0.1:5432 — the PostgreSQL dry-run test is skipped");
        }
        seed(registry, SERVICE);
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + SCHEMA + ": " + e.getMessage());
        }
    }
}
