package io.baton.sandbox.boot;

import io.baton.sandbox.Sandbox;
import io.baton.sandbox.http.Faults;
import io.baton.sandbox.seed.SeedReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the sandbox from {@code baton.sandbox.*} and says, in plain words, where everything is. */
public final class SandboxLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxLauncher.class);

    private SandboxLauncher() {
    }

    public static Sandbox launch(SandboxProperties properties) {
        Sandbox sandbox = Sandbox.start(properties.toSettings());
        SandboxProperties.Faults knobs = properties.faults();
        if (knobs.targets().contains(SandboxProperties.FaultTarget.HUBSPOT)) {
            apply(knobs, sandbox.hubspotServer().faults());
        }
        if (knobs.targets().contains(SandboxProperties.FaultTarget.SALESFORCE)) {
            apply(knobs, sandbox.salesforceServer().faults());
        }
        SeedReport seeded = sandbox.seeded();
        String mail = "alert mail lands here";
        if (!properties.mailDir().isBlank()) {
            sandbox.smtp().saveTo(java.nio.file.Path.of(properties.mailDir()));
            mail = "alert mail lands here, each message saved to " + properties.mailDir() + "/NNN.eml";
        }
        LOG.info("""
                Sandbox is up (state in memory, lost on exit):
                  HubSpot     {}  {} — {} contacts, {} owners
                  Salesforce  {}  {} — {} leads ({} converted, {} duplicate emails)
                  SMTP sink   smtp://{}:{}  — {}
                  {} people exist in both systems; {} bursts share one millisecond""",
                sandbox.hubspotUrl(), hubspotLogin(properties.hubspot()), seeded.hubspotContacts(), seeded.owners(),
                sandbox.salesforceUrl(), salesforceLogin(properties.salesforce()), seeded.salesforceLeads(), seeded.convertedLeads(),
                seeded.salesforceDuplicateEmails(),
                properties.host(), sandbox.smtp().port(), mail,
                seeded.sharedPeople(), seeded.sharedMillisecondClusters());
        return sandbox;
    }

    /** The demo's documented credentials are printed; configured ones never are. */
    private static String hubspotLogin(SandboxProperties.HubSpot hubspot) {
        return SandboxProperties.DEMO_HUBSPOT_TOKEN.equals(hubspot.accessToken())
                ? "bearer token '" + SandboxProperties.DEMO_HUBSPOT_TOKEN + "'"
                : "bearer token from baton.sandbox.hubspot.access-token";
    }

    private static String salesforceLogin(SandboxProperties.Salesforce salesforce) {
        return salesforce.demoCredentials() ? "client demo/demo, user demo@baton.local / demo"
                : "login from baton.sandbox.salesforce.*";
    }

    static void apply(SandboxProperties.Faults knobs, Faults faults) {
        faults.latency(knobs.latency(), knobs.latencyJitter())
                .serverErrors(knobs.errorRate(), knobs.errorStatus())
                .droppedConnections(knobs.dropRate())
                .htmlErrorPages(knobs.htmlErrorRate(), knobs.htmlErrorStatus())
                .malformedJson(knobs.malformedJsonRate())
                .rateLimitStorm(knobs.rateLimitStorm());
        knobs.failRecords().forEach(faults::failRecord);
    }
}
