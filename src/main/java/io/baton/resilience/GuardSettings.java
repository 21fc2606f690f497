package io.baton.resilience;

import java.time.Duration;

/**
 * How one system's guard behaves: retries (attempts, first and longest wait), the circuit breaker
 * (failure rate over the last {@code breakerWindow} calls, how long it stays open) and how often a
 * paused system is asked again whether budget or token is back.
 */
public record GuardSettings(int maxAttempts, Duration firstDelay, Duration maxDelay, float breakerFailureRate,
                            int breakerWindow, Duration breakerOpenFor, Duration recheck) {

    /** For adapters built without the service (tests, tools): one attempt, a breaker that never opens. */
    public static GuardSettings passThrough() {
        return new GuardSettings(1, Duration.ofMillis(100), Duration.ofSeconds(10), 100f, 100,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
}
