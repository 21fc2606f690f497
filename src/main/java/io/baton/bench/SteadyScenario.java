package io.baton.bench;

final class SteadyScenario {
    static final int DEFAULT_RECORDS = 10_000;

    private SteadyScenario() {
    }

    static BenchResult run(int records, double minutes) {
        throw new UnsupportedOperationException("steady: not yet");
    }
}
