package io.baton.sandbox.boot;

import io.baton.sandbox.Sandbox;
import io.baton.sandbox.http.Faults;
import io.baton.sandbox.seed.SeedReport;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the sandbox from {@code baton.sandbox.*} and says, in plain words, where everything is. */
public final class SandboxLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxLauncher.class);

    private SandboxLauncher() {
    }

    public static Sandbox launch(SandboxProperties properties) {
        Sandbox sandbox = Sandbox.start(properties.toSettings());
        apply(properties.faults(), sandbox.hubspotServer().faults());
        apply(properties.faults(), sandbox.salesforceServer().faults());
        SeedReport seeded = sandbox.seeded();
        String mail = "alert mail lands here";
        if (!properties.mailDir().isBlank()) {
            sandbox.smtp().saveTo(java.nio.file.Path.of(properties.mailDir()));
            mail = "alert mail lands here, each message saved to " + properties.mailDir() + "/NNN.eml";
        }
        LOG.info("""
                Sandbox is up (state in memory, lost on exit):
                  HubSpot     {}  bearer token 'demo-token' — {} contacts, {} owners
                  Salesforce  {}  client demo/demo, user demo@baton.local / demo — {} leads ({} converted, {} duplicate emails)
                  SMTP sink   smtp://{}:{}  — {}
                  {} people exist in both systems; {} bursts share one millisecond""",
                sandbox.hubspotUrl(), seeded.hubspotContacts(), seeded.owners(),
                sandbox.salesforceUrl(), seeded.salesforceLeads(), seeded.convertedLeads(),
                seeded.salesforceDuplicateEmails(),
                properties.host(), sandbox.smtp().port(), mail,
                seeded.sharedPeople(), seeded.sharedMillisecondClusters());
        return sandbox;
    }

    static void apply(SandboxProperties.Faults knobs, Faults faults) {
        faults.latency(knobs.latency(), Duration.ZERO)
                .serverErrors(knobs.errorRate(), 503)
                .droppedConnections(knobs.dropRate())
                .rateLimitStorm(knobs.rateLimitStorm());
        knobs.failRecords().forEach(faults::failRecord);
    }
}
