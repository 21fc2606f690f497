package io.baton.bench;

import io.baton.BatonApplication;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.boot.SandboxProperties;
import io.baton.store.DeadLetterRepository;
import io.baton.store.LinkStatus;
import io.baton.store.RecordLinkRepository;
import io.baton.sync.SyncLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Baton in the demo profile with its in-process sandbox, set up for one scenario: free loopback
 * ports, nothing seeded (the scenario seeds what it measures), a throwaway H2 file store in a temp
 * directory (deleted on close), Salesforce's daily budget out of the way, the leak scan off so the
 * API calls counted are the sync's, and Spring's log at WARN so the table stays readable.
 */
final class BenchService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path directory;

    private BenchService(ConfigurableApplicationContext context, Path directory) {
        this.context = context;
        this.directory = directory;
    }

    /** Starts the service; {@code overrides} are scenario settings on top of the bench defaults. */
    static BenchService start(String name, Map<String, Object> overrides) {
        Path directory;
        try {
            directory = Files.createTempDirectory("baton-bench-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("bench: cannot create a temp directory for the store", e);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "demo");
        properties.put("logging.level.root", "WARN");
        properties.put("baton.sandbox.hubspot-port", freePort());
        properties.put("baton.sandbox.salesforce-port", freePort());
        properties.put("baton.sandbox.smtp-port", freePort());
        properties.put("baton.sandbox.seed.hubspot-contacts", 0);
        properties.put("baton.sandbox.seed.salesforce-leads", 0);
        properties.put("baton.sandbox.mail-dir", "");
        // Salesforce's daily allowance is a per-day budget, not a rate: a benchmark must not run out of it.
        properties.put("baton.sandbox.salesforce.daily-api-requests", 100_000_000L);
        properties.put("baton.leakage.scan-cron", "0 0 3 1 1 *");
        properties.put("baton.sync.inventory-initial-delay", "1h");
        properties.put("spring.datasource.url", "jdbc:h2:file:" + directory.resolve("store").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
        properties.putAll(overrides);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BatonApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(asArguments(properties));
        return new BenchService(context, directory);
    }

    Sandbox sandbox() {
        return context.getBean(Sandbox.class);
    }

    SyncLoop sync() {
        return context.getBean(SyncLoop.class);
    }

    /** The sandbox limits in force (published defaults unless a scenario overrode them). */
    SandboxProperties sandboxSettings() {
        return context.getBean(SandboxProperties.class);
    }

    long activeLinks() {
        return context.getBean(RecordLinkRepository.class).countByStatus(LinkStatus.ACTIVE);
    }

    long openDeadLetters() {
        return context.getBean(DeadLetterRepository.class).countOpen();
    }

    /** Every API call the sandbox has answered so far, on both CRMs. */
    long apiCalls() {
        return sandbox().hubspotServer().counter().total() + sandbox().salesforceServer().counter().total();
    }

    /** Forgets the calls so far, so what follows is counted alone. */
    void resetCalls() {
        sandbox().hubspotServer().counter().reset();
        sandbox().salesforceServer().counter().reset();
    }

    /** The calls per endpoint, for the progress log: where the calls went. */
    String callsByEndpoint() {
        return "HubSpot " + sandbox().hubspotServer().counter().snapshot() + "; Salesforce "
                + sandbox().salesforceServer().counter().snapshot();
    }

    @Override
    public void close() {
        context.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            Progress.say("could not delete %s: %s", directory, e.getMessage());
        }
    }

    /** As command-line options, the highest precedence: they win over config/application-demo.yml. */
    private static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("bench: no free loopback port", e);
        }
    }
}
