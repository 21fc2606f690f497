package io.baton.sandbox;

import io.baton.sandbox.http.CallCounter;
import io.baton.sandbox.http.Faults;
import io.baton.sandbox.http.SandboxClock;
import io.baton.sandbox.http.SandboxHttpServer;
import io.baton.sandbox.hubspot.HubSpotSandbox;
import io.baton.sandbox.mail.SmtpSink;
import io.baton.sandbox.salesforce.SalesforceSandbox;
import io.baton.sandbox.seed.SandboxSeeder;
import io.baton.sandbox.seed.SeedReport;

/**
 * The whole test bed in one process: simulated HubSpot and Salesforce on their own ports, and an
 * SMTP sink. Used by the demo profile, the {@code sandbox} command, the tests and the benchmark.
 */
public final class Sandbox implements AutoCloseable {

    private final SandboxClock clock;
    private final HubSpotSandbox hubspot;
    private final SalesforceSandbox salesforce;
    private final SandboxHttpServer hubspotServer;
    private final SandboxHttpServer salesforceServer;
    private final SmtpSink smtp;
    private final SeedReport seeded;

    private Sandbox(SandboxClock clock, HubSpotSandbox hubspot, SalesforceSandbox salesforce,
                    SandboxHttpServer hubspotServer, SandboxHttpServer salesforceServer, SmtpSink smtp,
                    SeedReport seeded) {
        this.clock = clock;
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.hubspotServer = hubspotServer;
        this.salesforceServer = salesforceServer;
        this.smtp = smtp;
        this.seeded = seeded;
    }

    /** Starts every simulator, then seeds them as the settings say. */
    public static Sandbox start(SandboxSettings settings) {
        return start(settings, SandboxClock.system());
    }

    public static Sandbox start(SandboxSettings settings, SandboxClock clock) {
        // Each service sees its server's fault knobs, so per-record failures can be injected too.
        Faults hubspotFaults = new Faults(settings.faultSeed());
        Faults salesforceFaults = new Faults(settings.faultSeed() + 1);
        HubSpotSandbox hubspot = new HubSpotSandbox(settings.hubspot(), clock, hubspotFaults);
        SalesforceSandbox salesforce = new SalesforceSandbox(settings.salesforce(), clock, salesforceFaults);
        SandboxHttpServer hubspotServer = null;
        SandboxHttpServer salesforceServer = null;
        SmtpSink smtp = null;
        try {
            hubspotServer = SandboxHttpServer.start(hubspot, settings.host(), settings.hubspotPort(),
                    hubspotFaults, new CallCounter());
            salesforceServer = SandboxHttpServer.start(salesforce, settings.host(), settings.salesforcePort(),
                    salesforceFaults, new CallCounter());
            salesforce.setBaseUrl(salesforceServer.baseUrl());
            smtp = SmtpSink.start(settings.host(), settings.smtpPort());
            SeedReport seeded = new SandboxSeeder(hubspot.store(), salesforce.org(), clock).seed(settings.seed());
            return new Sandbox(clock, hubspot, salesforce, hubspotServer, salesforceServer, smtp, seeded);
        } catch (RuntimeException e) {
            closeQuietly(hubspotServer);
            closeQuietly(salesforceServer);
            closeQuietly(smtp);
            throw e;
        }
    }

    public SandboxClock clock() {
        return clock;
    }

    public HubSpotSandbox hubspot() {
        return hubspot;
    }

    public SalesforceSandbox salesforce() {
        return salesforce;
    }

    public SandboxHttpServer hubspotServer() {
        return hubspotServer;
    }

    public SandboxHttpServer salesforceServer() {
        return salesforceServer;
    }

    public String hubspotUrl() {
        return hubspotServer.baseUrl();
    }

    public String salesforceUrl() {
        return salesforceServer.baseUrl();
    }

    public SmtpSink smtp() {
        return smtp;
    }

    /** What the seeder put into each system. */
    public SeedReport seeded() {
        return seeded;
    }

    @Override
    public void close() {
        closeQuietly(hubspotServer);
        closeQuietly(salesforceServer);
        closeQuietly(smtp);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // shutting down: nothing useful to do with a failure here
        }
    }
}
