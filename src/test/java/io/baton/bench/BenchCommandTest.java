package io.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Each scenario at a tiny size: the row is well formed and the end-state check passes (speed is
 * what the command itself reports, never asserted here); and the command line's errors.
 */
class BenchCommandTest {

    @Test
    void aTinyBackfillSyncsEveryPersonOnceAndCountsTheSandboxsCalls() {
        BenchResult row = BackfillScenario.run(100);

        assertThat(row.passed()).as(row.check()).isTrue();
        assertThat(row.scenario()).isEqualTo("backfill");
        assertThat(row.records()).isEqualTo(200);
        assertThat(row.apiCalls().getAsLong()).isGreaterThanOrEqualTo(row.minApiCalls().getAsLong());
        assertThat(row.ceilingRecordsPerSecond().getAsDouble()).isPositive();
        assertThat(row.peakHeapMb()).isPositive();
        assertThat(row.latencyP95Seconds()).isEmpty();
    }

    @Test
    void aShortSteadyStateSeesEveryEditArriveAndMeasuresItsLatency() {
        BenchResult row = SteadyScenario.run(200, 0.25);

        assertThat(row.passed()).as(row.check()).isTrue();
        assertThat(row.records()).isEqualTo(200);
        assertThat(row.latencyP50Seconds().getAsDouble()).isPositive();
        assertThat(row.latencyP95Seconds().getAsDouble()).isGreaterThanOrEqualTo(row.latencyP50Seconds().getAsDouble());
        assertThat(row.apiCalls().getAsLong()).isPositive();
        assertThat(row.minApiCalls().getAsLong()).isPositive();
    }

    @Test
    void theEngineReconcilesEveryGeneratedRecordIntoTheExpectedWrites() {
        BenchResult row = EngineScenario.run(4_000);

        assertThat(row.passed()).as(row.check()).isTrue();
        assertThat(row.records()).isGreaterThanOrEqualTo(4_000);
        assertThat(row.apiCalls()).isEmpty();
        assertThat(row.check()).contains("0 problems");
    }

    @Test
    void jsonCarriesEveryContractKeyWithNullForWhatWasNotMeasured() {
        String json = BenchTable.json(java.util.List.of(EngineScenario.run(400)));

        assertThat(json).contains("\"scenario\":\"engine\"", "\"records\":", "\"wall_s\":", "\"records_per_s\":",
                "\"ceiling_records_per_s\":null", "\"api_calls\":null", "\"min_api_calls\":null",
                "\"latency_p50_s\":null", "\"latency_p95_s\":null", "\"peak_heap_mb\":", "\"passed\":true");
    }

    @Test
    void noScenarioMeansAllThreeWithTheirOwnDefaultSizes() {
        BenchOptions options = BenchOptions.parse(new String[0]);

        assertThat(options.scenarios()).containsExactly(BenchOptions.Scenario.values());
        assertThat(options.recordsOr(123)).isEqualTo(123);
        assertThat(options.json()).isFalse();
    }

    @Test
    void optionsAcceptBothSpacedAndEqualsForms() {
        BenchOptions options = BenchOptions.parse(new String[] {"--scenario", "steady", "--records=500",
            "--minutes", "0.5", "--json"});

        assertThat(options.scenarios()).containsExactly(BenchOptions.Scenario.STEADY);
        assertThat(options.recordsOr(1)).isEqualTo(500);
        assertThat(options.minutes()).isEqualTo(0.5);
        assertThat(options.json()).isTrue();
    }

    @Test
    void anUnknownScenarioIsNamedInTheError() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--scenario", "bulk"}))
                .isInstanceOf(BenchOptions.UsageException.class).hasMessageContaining("'bulk'");
    }

    @Test
    void aRecordCountMustBeAPositiveWholeNumber() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--records", "-3"}))
                .hasMessageContaining("--records").hasMessageContaining("'-3'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--records"}))
                .hasMessageContaining("needs a value");
    }

    @Test
    void anUnknownFlagExitsWithTwoAndTheUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = BenchCommand.run(new String[] {"--fast"}, new PrintStream(out), new PrintStream(err));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--fast'", "usage:");
    }
}
