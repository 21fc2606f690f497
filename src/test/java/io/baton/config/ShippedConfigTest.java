package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;

class ShippedConfigTest {

    @TempDir
    Path dir;

    @Test
    void shippedFilesAreValidWithSecretsSupplied() {
        assertThat(new ConfigFixture(dir).messages()).isEmpty();
    }

    @Test
    void shippedFilesBindToTheDocumentedValues() {
        Binder binder = Binder.get(new ConfigFixture(dir).environment());
        MappingsProperties mappings = binder.bindOrCreate("baton.mappings", MappingsProperties.class);
        LifecycleProperties lifecycle = binder.bindOrCreate("baton.lifecycle", LifecycleProperties.class);
        LeakageProperties leakage = binder.bindOrCreate("baton.leakage", LeakageProperties.class);
        SyncProperties sync = binder.bindOrCreate("baton.sync", SyncProperties.class);

        assertThat(mappings.fields()).extracting(MappingsProperties.FieldMapping::hubspot)
                .contains("email", "firstname", "lastname", "company", "phone", "jobtitle", "hubspot_owner_id",
                        "lead_source").doesNotContain("hs_lead_status", "lifecyclestage");
        assertThat(mappings.fields().get(0).transform()).containsExactly("trim", "lower-case");
        assertThat(lifecycle.stageNames()).containsExactly("subscriber", "lead", "mql", "sal", "sql", "opportunity",
                "customer", "disqualified", "recycled");
        assertThat(leakage.calendar().workingHours().end()).hasToString("17:00");
        assertThat(leakage.rules()).extracting(LeakageProperties.Rule::kind)
                .containsExactly(LeakageProperties.Kind.MQL_NOT_ACCEPTED, LeakageProperties.Kind.MQL_NOT_IN_SALESFORCE,
                        LeakageProperties.Kind.STALE, LeakageProperties.Kind.STALE, LeakageProperties.Kind.UNOWNED,
                        LeakageProperties.Kind.RECYCLED_WITHOUT_NURTURE, LeakageProperties.Kind.DISQUALIFIED_WITHOUT_REASON);
        assertThat(leakage.rules().get(5).nurture().property()).isEqualTo("baton_in_nurture");
        assertThat(leakage.rules().get(1).businessHours()).isFalse();
        assertThat(leakage.scanPageSize()).isEqualTo(200);
        assertThat(leakage.quietHours().any()).as("no quiet hours shipped").isFalse();
        assertThat(leakage.dryRun()).isFalse();
        assertThat(sync.inventoryInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(binder.bindOrCreate("baton.hubspot", HubSpotProperties.class).timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void missingSecretsAreNamedByVariable() {
        ConfigFixture config = new ConfigFixture(dir);
        ConfigFixture.SECRETS.keySet().forEach(config::unset);

        assertThat(config.messages()).allMatch(m -> m.matches(".* \\[line \\d+]"));
        assertThat(config.messages().stream().map(m -> m.replaceAll(" \\[line \\d+]$", ""))).containsExactlyInAnyOrder(
                "config/application.yml: baton.hubspot.access-token: missing secret: set the environment variable HUBSPOT_ACCESS_TOKEN",
                "config/application.yml: camel.component.salesforce.client-id: missing secret: set the environment variable SALESFORCE_CLIENT_ID",
                "config/application.yml: camel.component.salesforce.client-secret: missing secret: set the environment variable SALESFORCE_CLIENT_SECRET",
                "config/application.yml: camel.component.salesforce.user-name: missing secret: set the environment variable SALESFORCE_USERNAME",
                "config/application.yml: camel.component.salesforce.password: missing secret: set the environment variable SALESFORCE_PASSWORD",
                "config/application.yml: baton.admin.password: missing secret: set the environment variable BATON_ADMIN_PASSWORD");
    }

    /**
     * Each shipped H2 URL opens, with its own flags, in a folder of the test's: H2 refuses some
     * combinations (AUTO_SERVER with DB_CLOSE_ON_EXIT=FALSE) only when the database is opened.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"application.yml", "application-demo.yml",
            "application-local-sandbox.yml"})
    void everyShippedEmbeddedStoreUrlOpens(String file) throws Exception {
        String yaml = java.nio.file.Files.readString(Path.of("config", file));
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("url: (jdbc:h2:file:\\./data/[^\\s]+)").matcher(yaml);
        assertThat(url.find()).as("an H2 file URL in config/%s", file).isTrue();
        String inTestFolder = url.group(1).replace("jdbc:h2:file:./data/", "jdbc:h2:file:" + dir.toAbsolutePath() + "/");

        try (java.sql.Connection c = java.sql.DriverManager.getConnection(inTestFolder, "sa", "")) {
            assertThat(c.isValid(5)).isTrue();
        }
    }
}
