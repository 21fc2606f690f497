package io.baton.bench;

final class EngineScenario {
    static final int DEFAULT_RECORDS = 1_000_000;

    private EngineScenario() {
    }

    static BenchResult run(int records) {
        throw new UnsupportedOperationException("engine: not yet");
    }
}
