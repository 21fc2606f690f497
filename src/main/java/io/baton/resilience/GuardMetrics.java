package io.baton.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Supplier;

/**
 * The guard's meters, in Prometheus names: {@code baton_api_calls_total{system}},
 * {@code baton_api_call_seconds{system,operation}}, {@code baton_api_retries_total{system}},
 * {@code baton_api_budget_used/allocated{system}}, {@code baton_sync_paused{system}} (0/1) and
 * {@code baton_circuit_state{system}} (0 closed, 1 half-open, 2 open, 3 other).
 */
public final class GuardMetrics {

    /** Meters kept in a private registry nobody reads. */
    public static final GuardMetrics NONE = new GuardMetrics(new SimpleMeterRegistry());

    private final MeterRegistry registry;

    public GuardMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(ApiGuard guard) {
        String system = guard.system();
        // Present at zero from the start, so a dashboard's retry rate is 0 rather than no data.
        Counter.builder("baton.api.retries").tag("system", system).register(registry);
        Gauge.builder("baton.api.budget.used", guard, g -> g.allocation().used()).tag("system", system)
                .description("Baton's own API calls in the rolling 24 hours").register(registry);
        Gauge.builder("baton.api.budget.allocated", guard, g -> g.allocation().allocated().orElse(-1))
                .tag("system", system).description("the calls Baton may use in 24 hours; -1 until the CRM has said")
                .register(registry);
        Gauge.builder("baton.sync.paused", guard, g -> g.currentPauseOrNull() == null ? 0 : 1).tag("system", system)
                .description("1 while the sync of this system waits for budget or credentials").register(registry);
        Gauge.builder("baton.circuit.state", guard, g -> stateNumber(g.circuitState())).tag("system", system)
                .description("0 closed, 1 half-open, 2 open, 3 other").register(registry);
    }

    <T> T timed(String system, String operation, Supplier<T> work) {
        Counter.builder("baton.api.calls").tag("system", system).register(registry).increment();
        return Timer.builder("baton.api.call").tag("system", system).tag("operation", operation).register(registry)
                .record(work);
    }

    void retried(String system) {
        Counter.builder("baton.api.retries").tag("system", system).register(registry).increment();
    }

    private static int stateNumber(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
            default -> 3;
        };
    }
}
