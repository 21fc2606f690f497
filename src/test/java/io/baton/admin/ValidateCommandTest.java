package io.baton.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real boots of the command: one with a broken config, one with good config and dead connections. */
class ValidateCommandTest {

    private static final List<String> SECRETS = List.of(
            "--baton.hubspot.access-token=pat-SECRET-token",
            "--camel.component.salesforce.client-id=SECRET-id",
            "--camel.component.salesforce.client-secret=SECRET-secret",
            "--camel.component.salesforce.user-name=validate@example.com",
            "--camel.component.salesforce.password=SECRET-password",
            "--baton.admin.password=SECRET-admin");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void badConfigExitsTwoWithEveryProblemOnTheErrorStreamAndNoStackTrace() throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        for (String file : List.of("application.yml", "mappings.yml", "lifecycle.yml", "leakage.yml")) {
            Files.copy(Path.of("config", file), config.resolve(file));
        }
        Path mappings = config.resolve("mappings.yml");
        Files.writeString(mappings, Files.readString(mappings).replaceFirst("rule: prefer-salesforce-unless-blank", "rule: two_way"));

        // Every secret supplied but HubSpot's token, so one missing-secret problem shows beside the bad rule.
        List<String> args = new java.util.ArrayList<>(SECRETS.subList(1, SECRETS.size()));
        args.addAll(List.of("--spring.config.location=file:" + config + "/", "--spring.datasource.url=jdbc:h2:mem:validate-bad"));
        int exit = run(args.toArray(String[]::new));

        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(ValidateCommand.BAD_CONFIG);
        assertThat(errors).contains("config/mappings.yml: baton.mappings.fields[3].rule: unknown rule 'two_way' (did you mean 'two-way'?)")
                .contains("baton.hubspot.access-token: missing secret: set the environment variable HUBSPOT_ACCESS_TOKEN")
                .doesNotContain("at io.", "at org.");
        assertThat(errors.split("unknown rule 'two_way'", -1)).hasSize(2);
        assertThat(errors + out.toString(StandardCharsets.UTF_8)).doesNotContain("SECRET");
    }

    @Test
    void validFilesButAServiceThatCannotStartExitThreeWithoutAStackTrace() throws IOException {
        // The demo's sandbox cannot bind its HubSpot port: nothing wrong with the files themselves.
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<String> args = new java.util.ArrayList<>(SECRETS);
            args.addAll(List.of("--spring.profiles.active=demo",
                    "--baton.sandbox.hubspot-port=" + taken.getLocalPort(),
                    "--baton.sandbox.salesforce-port=0", "--baton.sandbox.smtp-port=0",
                    "--baton.sandbox.seed.hubspot-contacts=0", "--baton.sandbox.seed.salesforce-leads=0",
                    "--spring.datasource.url=jdbc:h2:mem:validate-nostart"));

            int exit = run(args.toArray(String[]::new));

            String errors = err.toString(StandardCharsets.UTF_8);
            assertThat(exit).isEqualTo(ValidateCommand.CONNECTION_DOWN);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("config: valid");
            assertThat(errors).contains("validate: the service could not start:")
                    .contains("cannot start the hubspot sandbox on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("configuration is not valid", "at io.", "at org.", "SECRET");
        }
    }

    @Test
    void goodConfigWithUnreachableConnectionsExitsThree() throws IOException {
        int port = closedPort();
        List<String> args = new java.util.ArrayList<>(SECRETS);
        args.addAll(List.of(
                "--baton.hubspot.base-url=http://127.0.0.1:" + port,
                "--baton.hubspot.timeout=2s",
                "--camel.component.salesforce.login-url=http://127.0.0.1:" + port,
                "--spring.datasource.url=jdbc:h2:mem:validate-good;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + port));

        int exit = run(args.toArray(String[]::new));

        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(ValidateCommand.CONNECTION_DOWN);
        // validate looks without migrating: the fresh database stays empty.
        assertThat(output).contains("config: valid", "connection hubspot: FAILED", "connection salesforce: FAILED",
                "connection store: ok {schemaVersion=not migrated yet}");
        assertThat(output + err.toString(StandardCharsets.UTF_8)).doesNotContain("SECRET");
    }

    private int run(String... args) {
        return ValidateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
