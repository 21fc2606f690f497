package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.BatonApplication;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.seed.SeedPlan;
import io.baton.sync.CrmInventory;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code local-sandbox} profile: Baton runs as its own process against a sandbox started
 * separately ({@code java -jar baton.jar sandbox}), and can be stopped and started again against
 * the same sandbox state.
 */
class LocalSandboxProfileEndToEndTest {

    @Test
    void aRestartedServiceFindsTheSameSandboxState() {
        SandboxSettings settings = new SandboxSettings("127.0.0.1", FreePorts.next(), FreePorts.next(), FreePorts.next(),
                SandboxSettings.forTests().hubspot(), SandboxSettings.forTests().salesforce(),
                new SeedPlan(30, 20, 0.5, 11), 42L);
        try (Sandbox sandbox = Sandbox.start(settings)) {
            CrmInventory.Counts first = countWithAFreshService(settings);
            sandbox.hubspot().store().seedContact(java.util.Map.of("email", "late@example.com", "lastname", "Late"),
                    sandbox.clock().instant(), sandbox.clock().instant());
            CrmInventory.Counts second = countWithAFreshService(settings);

            assertThat(first.hubspotContacts()).isEqualTo(30);
            assertThat(first.salesforceLeads()).isEqualTo(sandbox.seeded().salesforceLeads());
            assertThat(second.hubspotContacts()).isEqualTo(31);
            assertThat(second.salesforceLeads()).isEqualTo(first.salesforceLeads());
        }
    }

    private static CrmInventory.Counts countWithAFreshService(SandboxSettings sandbox) {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(BatonApplication.class)
                .profiles("local-sandbox")
                .run("--server.port=0",
                        "--baton.sandbox.hubspot-port=" + sandbox.hubspotPort(),
                        "--baton.sandbox.salesforce-port=" + sandbox.salesforcePort(),
                        "--baton.sandbox.smtp-port=" + sandbox.smtpPort(),
                        "--baton.sync.inventory-initial-delay=10m",
                        "--spring.datasource.url=jdbc:h2:mem:local_" + UUID.randomUUID().toString().replace("-", "")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")) {
            return service.getBean(CrmInventory.class).count();
        }
    }
}
