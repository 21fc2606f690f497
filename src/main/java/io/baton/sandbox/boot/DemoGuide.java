package io.baton.sandbox.boot;

import io.baton.sandbox.Sandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who just ran the demo, in plain words, where to look. */
@Component
@Profile("demo")
class DemoGuide {

    private static final Logger LOG = LoggerFactory.getLogger(DemoGuide.class);

    private final Sandbox sandbox;
    private final Environment environment;

    DemoGuide(Sandbox sandbox, Environment environment) {
        this.sandbox = sandbox;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void explain() {
        if (environment.containsProperty("baton.command")) {
            return; // validate or plan: the command prints its own answer, nothing keeps running
        }
        String admin = "http://" + environment.getProperty("server.address", "127.0.0.1") + ":"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        LOG.info("""

                ─── Baton demo is running ───────────────────────────────────────────────
                  Health:          {}/actuator/health   (hubspot, salesforce, store, mail)
                  Sandbox HubSpot: {}   (bearer token demo-token)
                  Sandbox SF:      {}   (demo/demo, demo@baton.local / demo)
                  Mail sink:       smtp://127.0.0.1:{}
                  The sync starts in a few seconds: one "sync …" line per page it works through,
                  and every minute an "inventory: …" line with what each side holds.
                  Stop with Ctrl-C; the sandbox's data lives in memory and goes with it.
                ─────────────────────────────────────────────────────────────────────────""",
                admin, sandbox.hubspotUrl(), sandbox.salesforceUrl(), sandbox.smtp().port());
    }
}
