package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

class ConfigurationFailureAnalyzerTest {

    @TempDir
    Path dir;

    @Test
    void aMissingImportedFileIsReportedAsAConfigProblem() {
        Throwable failure = catchThrowable(() -> new ConfigFixture(dir).delete("leakage.yml").environment());

        List<ConfigProblem> problems = ConfigFailures.problems(new IllegalStateException(failure)).orElseThrow();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("config/application.yml");
            assertThat(p.key()).isEqualTo("spring.config.import");
            assertThat(p.message()).startsWith("imported file '").contains("config/leakage.yml' does not exist");
        });
    }

    @Test
    void invalidConfigurationIsDescribedAsItsProblemListWithAnAction() {
        InvalidConfigurationException invalid = new InvalidConfigurationException(List.of(
                new ConfigProblem("config/mappings.yml", "baton.mappings.fields[3].rule",
                        "unknown rule 'two_way' (did you mean 'two-way'?)", Optional.of(40)),
                new ConfigProblem("config/application.yml", "baton.hubspot.access-token",
                        "missing secret: set the environment variable HUBSPOT_ACCESS_TOKEN", Optional.empty())));

        FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(new RuntimeException(invalid));

        assertThat(analysis.getDescription()).isEqualTo("""
                Baton's configuration has 2 problems:
                  config/mappings.yml: baton.mappings.fields[3].rule: unknown rule 'two_way' (did you mean 'two-way'?) [line 40]
                  config/application.yml: baton.hubspot.access-token: missing secret: set the environment variable HUBSPOT_ACCESS_TOKEN""");
        assertThat(analysis.getAction()).contains("java -jar baton.jar validate");
    }

    @Test
    void otherFailuresAreLeftToSpringBoot() {
        assertThat(new ConfigurationFailureAnalyzer().analyze(new IllegalStateException("port in use"))).isNull();
    }
}
