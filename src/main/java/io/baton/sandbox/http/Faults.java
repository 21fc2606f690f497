package io.baton.sandbox.http;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault-injection knobs for one simulated service, settable at any time from tests, the benchmark
 * and {@code baton.sandbox.*}. Random faults draw from a seeded generator so a run can be repeated.
 * All knobs start off: a fresh sandbox is well-behaved apart from the real services' own limits.
 */
public final class Faults {

    /** What the server should do with one request before the service sees it. */
    public enum Action {
        PASS, DROP_CONNECTION, SERVER_ERROR, RATE_LIMIT, CREDENTIALS_REVOKED,
        /** A proxy or load balancer in front of the API answers with its own HTML page. */
        HTML_ERROR_PAGE,
        /** The service does the work, but the answer arrives as a 200 whose JSON is cut short. */
        MALFORMED_JSON
    }

    private volatile Duration latency = Duration.ZERO;
    private volatile Duration latencyJitter = Duration.ZERO;
    private volatile double serverErrorRate;
    private volatile int serverErrorStatus = 503;
    private volatile double dropConnectionRate;
    private volatile double htmlErrorPageRate;
    private volatile int htmlErrorPageStatus = 502;
    private volatile double malformedJsonRate;
    private volatile boolean credentialsRevoked;
    private final AtomicInteger rateLimitStormRemaining = new AtomicInteger();
    private final Map<String, String> recordFailures = new ConcurrentHashMap<>();
    private final Map<Action, AtomicLong> injected = new EnumMap<>(Action.class);
    private final Random random;

    public Faults(long seed) {
        this.random = new Random(seed);
        for (Action action : Action.values()) {
            injected.put(action, new AtomicLong());
        }
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

    /**
     * Answers this fraction (0..1) of requests with an HTML error page from a gateway in front of the
     * API ({@code 502} or {@code 503}, {@code Content-Type: text/html}), as real load balancers do: the
     * request never reaches the service.
     */
    public Faults htmlErrorPages(double rate, int status) {
        if (status != 502 && status != 503) {
            throw new IllegalArgumentException("an HTML error page is a 502 or a 503, not " + status);
        }
        this.htmlErrorPageRate = rate;
        this.htmlErrorPageStatus = status;
        return this;
    }

    /**
     * Answers this fraction (0..1) of requests with a {@code 200} whose JSON body is cut short. The
     * service handles the request first, as when a connection is cut mid-answer: a write has happened
     * even though the client cannot read that it did.
     */
    public Faults malformedJson(double rate) {
        this.malformedJsonRate = rate;
        return this;
    }

    /**
     * While on, every request is refused as the service refuses a revoked credential (HubSpot: 401
     * {@code INVALID_AUTHENTICATION}; Salesforce: {@code invalid_grant} at the token endpoint and
     * 401 {@code INVALID_SESSION_ID} elsewhere); off restores the credential.
     */
    public Faults credentialsRevoked(boolean revoked) {
        this.credentialsRevoked = revoked;
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
        htmlErrorPageRate = 0;
        malformedJsonRate = 0;
        credentialsRevoked = false;
        rateLimitStormRemaining.set(0);
        recordFailures.clear();
        injected.values().forEach(count -> count.set(0));
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

    /**
     * Decides the fate of the next request: a revoked credential first, then a storm in progress, then
     * one roll shared by the random faults, so their rates add up (their sum should stay at most 1).
     */
    public Action nextAction() {
        Action action = decide();
        injected.get(action).incrementAndGet();
        return action;
    }

    /**
     * How many requests each action has met since the knobs were last reset, so a test can tell
     * that a fault really bit (not how often the client retried).
     */
    public long injected(Action action) {
        return injected.get(action).get();
    }

    private Action decide() {
        if (credentialsRevoked) {
            return Action.CREDENTIALS_REVOKED;
        }
        if (rateLimitStormRemaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return Action.RATE_LIMIT;
        }
        if (dropConnectionRate == 0 && serverErrorRate == 0 && htmlErrorPageRate == 0 && malformedJsonRate == 0) {
            return Action.PASS; // the common case, and the benchmark's: no roll, nothing allocated
        }
        // Drops and 5xx keep their places on the roll, so runs seeded before the newer knobs repeat.
        Map<Action, Double> rates = new LinkedHashMap<>();
        rates.put(Action.DROP_CONNECTION, dropConnectionRate);
        rates.put(Action.SERVER_ERROR, serverErrorRate);
        rates.put(Action.HTML_ERROR_PAGE, htmlErrorPageRate);
        rates.put(Action.MALFORMED_JSON, malformedJsonRate);
        double roll;
        synchronized (random) {
            roll = random.nextDouble();
        }
        double upTo = 0;
        for (Map.Entry<Action, Double> rate : rates.entrySet()) {
            upTo += rate.getValue();
            if (roll < upTo) {
                return rate.getKey();
            }
        }
        return Action.PASS;
    }

    public int serverErrorStatus() {
        return serverErrorStatus;
    }

    public int htmlErrorPageStatus() {
        return htmlErrorPageStatus;
    }
}
