package io.baton.sandbox.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault-injection knobs for one simulated service, settable at any time from tests, the benchmark
 * and {@code baton.sandbox.*}. Random faults draw from a seeded generator so a run can be repeated.
 * All knobs start off: a fresh sandbox is well-behaved apart from the real services' own limits.
 */
public final class Faults {

    /** What the server should do with one request before the service sees it. */
    public enum Action { PASS, DROP_CONNECTION, SERVER_ERROR, RATE_LIMIT }

    private volatile Duration latency = Duration.ZERO;
    private volatile Duration latencyJitter = Duration.ZERO;
    private volatile double serverErrorRate;
    private volatile int serverErrorStatus = 503;
    private volatile double dropConnectionRate;
    private final AtomicInteger rateLimitStormRemaining = new AtomicInteger();
    private final Map<String, String> recordFailures = new ConcurrentHashMap<>();
    private final Random random;

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    public Faults latency(Duration fixed, Duration jitter) {
        this.latency = fixed;
        this.latencyJitter = jitter;
        return this;
    }

    /** Fails this fraction (0..1) of requests with {@code status} (500, 502, 503, 504). */
    public Faults serverErrors(double rate, int status) {
        this.serverErrorRate = rate;
        this.serverErrorStatus = status;
        return this;
    }

    /** Closes this fraction (0..1) of connections without an answer. */
    public Faults droppedConnections(double rate) {
        this.dropConnectionRate = rate;
        return this;
    }

    /** Answers the next {@code requests} requests with the service's 429. */
    public Faults rateLimitStorm(int requests) {
        rateLimitStormRemaining.set(requests);
        return this;
    }

    /**
     * Makes writes of the record with this key (an email, or an external id) fail with this error
     * code, e.g. {@code UNABLE_TO_LOCK_ROW} or {@code VALIDATION_ERROR}; each service interprets the
     * code on its own wire.
     */
    public Faults failRecord(String key, String errorCode) {
        recordFailures.put(key.toLowerCase(java.util.Locale.ROOT), errorCode);
        return this;
    }

    public Optional<String> recordFailure(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(recordFailures.get(key.toLowerCase(java.util.Locale.ROOT)));
    }

    public Faults clearRecordFailures() {
        recordFailures.clear();
        return this;
    }

    /** Turns every knob off. */
    public Faults reset() {
        latency = Duration.ZERO;
        latencyJitter = Duration.ZERO;
        serverErrorRate = 0;
        dropConnectionRate = 0;
        rateLimitStormRemaining.set(0);
        recordFailures.clear();
        return this;
    }

    /** The delay to add to the next request. */
    public Duration nextLatency() {
        Duration jitter = latencyJitter;
        if (jitter.isZero()) {
            return latency;
        }
        long extra;
        synchronized (random) {
            extra = (long) (random.nextDouble() * jitter.toMillis());
        }
        return latency.plusMillis(extra);
    }

    /** Decides the fate of the next request. */
    public Action nextAction() {
        if (rateLimitStormRemaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return Action.RATE_LIMIT;
        }
        double drop = dropConnectionRate;
        double error = serverErrorRate;
        if (drop == 0 && error == 0) {
            return Action.PASS;
        }
        double roll;
        synchronized (random) {
            roll = random.nextDouble();
        }
        if (roll < drop) {
            return Action.DROP_CONNECTION;
        }
        if (roll < drop + error) {
            return Action.SERVER_ERROR;
        }
        return Action.PASS;
    }

    public int serverErrorStatus() {
        return serverErrorStatus;
    }
}
