package io.baton.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.e2e.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real boots of {@code baton plan} against the demo's seeded sandbox: text, JSON, and a bad candidate. */
class PlanCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theNextRunIsPrintedAsTextWithTotalsPerSystemAndSection() {
        int exit = run(demo());

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(PlanCommand.OK);
        assertThat(text).contains("plan: the next sync run with the current rules — nothing was written")
                .containsPattern("writes: [1-9]")
                .containsPattern("  salesforce: create [1-9]")
                .contains("    fields: ")
                .containsPattern("lifecycle moves: [1-9]")
                .containsPattern("leak flags: [0-9]+ to open, 0 to close")
                .contains("conflicts: ", "failures: ");
        assertThat(text).doesNotContain("Baton demo is running");
    }

    @Test
    void jsonListsEveryWriteAndTotalsThatCountThem() throws IOException {
        List<String> args = demo();
        args.add("--json");
        args.add("--full");
        int exit = run(args);

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(PlanCommand.OK);
        JsonNode plan = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(plan.path("full").asBoolean()).isTrue();
        assertThat(plan.path("rules").asText()).isEqualTo("current");
        assertThat(plan.path("writes").size()).isPositive().isEqualTo(plan.path("totals").path("writes").asInt());
        assertThat(plan.path("leftOut").size()).isZero();
        JsonNode first = plan.path("writes").get(0);
        assertThat(first.path("system").asText()).isIn("hubspot", "salesforce");
        assertThat(first.path("fields").size()).isPositive();
    }

    @Test
    void aBadCandidateExitsTwoNamingTheFileAndKeyWithoutAStackTrace() throws IOException {
        Path candidate = Files.createDirectories(dir.resolve("candidate"));
        Files.writeString(candidate.resolve("mappings.yml"), Files.readString(Path.of("config/mappings.yml"))
                .replaceFirst("rule: prefer-salesforce-unless-blank", "rule: sometimes"));
        List<String> args = demo();
        args.add("--config=" + candidate);
        int exit = run(args);

        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(PlanCommand.BAD_CONFIG);
        assertThat(errors).contains("mappings.yml").contains("baton.mappings.fields[3].rule")
                .contains("plan: the candidate configuration is not valid").doesNotContain("at io.", "at org.");
    }

    @Test
    void aConfigOptionWithoutAFolderIsRefusedBeforeAnythingStarts() {
        assertThat(run(List.of("--config"))).isEqualTo(PlanCommand.BAD_CONFIG);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--config needs a folder");
    }

    private static List<String> demo() {
        return new ArrayList<>(List.of("--spring.profiles.active=demo",
                "--baton.sandbox.hubspot-port=" + FreePorts.next(), "--baton.sandbox.salesforce-port=" + FreePorts.next(),
                "--baton.sandbox.smtp-port=" + FreePorts.next(),
                "--baton.sandbox.seed.hubspot-contacts=20", "--baton.sandbox.seed.salesforce-leads=15",
                "--baton.hubspot.search-settle-time=0s", "--baton.salesforce.change-settle-time=0s",
                "--spring.datasource.url=jdbc:h2:mem:plan-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
    }

    private int run(List<String> args) {
        return PlanCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
