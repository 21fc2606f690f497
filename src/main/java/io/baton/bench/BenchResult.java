package io.baton.bench;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One scenario's row (DESIGN §3): what it processed, how fast, against what the limits allow, at
 * what cost in API calls, and whether the end state was right ({@code check} says what was checked).
 * A figure a scenario does not measure is empty (engine makes no API calls; only steady has latency).
 */
record BenchResult(String scenario, long records, double wallSeconds, OptionalDouble ceilingRecordsPerSecond,
                   OptionalLong apiCalls, OptionalLong minApiCalls, OptionalDouble latencyP50Seconds,
                   OptionalDouble latencyP95Seconds, double peakHeapMb, boolean passed, String check) {

    double recordsPerSecond() {
        return records / Math.max(wallSeconds, 1e-9);
    }

    /** records/s over the ceiling: 1.0 means the binding rate limit was used to the full. */
    OptionalDouble ceilingRatio() {
        return ceilingRecordsPerSecond.isPresent()
                ? OptionalDouble.of(recordsPerSecond() / ceilingRecordsPerSecond.getAsDouble())
                : OptionalDouble.empty();
    }

    /** API calls over the batching minimum: 1.0 means not one call more than needed. */
    OptionalDouble callRatio() {
        return apiCalls.isPresent() && minApiCalls.isPresent() && minApiCalls.getAsLong() > 0
                ? OptionalDouble.of(apiCalls.getAsLong() / (double) minApiCalls.getAsLong())
                : OptionalDouble.empty();
    }
}
