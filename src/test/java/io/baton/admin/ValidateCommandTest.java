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

        int exit = run("--spring.config.location=file:" + config + "/", "--spring.datasource.url=jdbc:h2:mem:validate-bad");

        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(ValidateCommand.BAD_CONFIG);
        assertThat(errors).contains("config/mappings.yml: baton.mappings.fields[3].rule: unknown rule 'two_way' (did you mean 'two-way'?)")
                .contains("baton.hubspot.access-token: missing secret: set the environment variable HUBSPOT_ACCESS_TOKEN")
                .doesNotContain("at io.", "at org.");
        assertThat(errors.split("unknown rule 'two_way'", -1)).hasSize(2);
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
        assertThat(output).contains("config: valid", "connection hubspot: FAILED", "connection salesforce: FAILED",
                "connection store: ok").doesNotContain("SECRET");
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
