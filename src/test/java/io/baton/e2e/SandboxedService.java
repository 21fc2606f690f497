package io.baton.e2e;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings of a service test against the demo profile's in-process sandbox: free ports and a
 * fresh in-memory store, chosen once per test class (Spring keeps each class's context alive, so
 * two classes must never share a port), and the routes off so the test drives the sync itself.
 */
final class SandboxedService {

    private final int hubspotPort = FreePorts.next();
    private final int salesforcePort = FreePorts.next();
    private final int smtpPort = FreePorts.next();
    private final String database;

    SandboxedService(String name) {
        this.database = "jdbc:h2:mem:" + name + "_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** Registers the sandbox, seeded with this many people; settle times at zero to keep tests fast. */
    void register(DynamicPropertyRegistry registry, int hubspotContacts, int salesforceLeads, double overlap) {
        registry.add("baton.sandbox.hubspot-port", () -> hubspotPort);
        registry.add("baton.sandbox.salesforce-port", () -> salesforcePort);
        registry.add("baton.sandbox.smtp-port", () -> smtpPort);
        registry.add("baton.sandbox.seed.hubspot-contacts", () -> hubspotContacts);
        registry.add("baton.sandbox.seed.salesforce-leads", () -> salesforceLeads);
        registry.add("baton.sandbox.seed.overlap", () -> overlap);
        registry.add("spring.datasource.url", () -> database);
        registry.add("baton.sync.enabled", () -> "false");
        registry.add("baton.sync.inventory-initial-delay", () -> "10m");
        registry.add("baton.hubspot.search-settle-time", () -> "0s");
        registry.add("baton.salesforce.change-settle-time", () -> "0s");
    }
}
