package io.baton.resilience;

import io.baton.core.record.CrmException;
import io.baton.core.record.CrmException.Kind;
import io.baton.core.record.Side;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to one CRM: every API call goes through daily-allocation check → client-side rate
 * limiter → circuit breaker → call, and the whole again with back-off while the failure is
 * RETRIABLE and the wait bounded. A spent allocation and a refused token become a {@link Pause}
 * the sync loop honours; the guard asks the CRM again every {@code recheck} whether it is over.
 */
public final class ApiGuard {

    /** The code of a call refused because the system's daily allocation is spent. */
    public static final String BUDGET_SPENT = "BUDGET_SPENT";
    /** The code of a call refused because the system's circuit breaker is open. */
    public static final String CIRCUIT_OPEN = "CIRCUIT_OPEN";

    private static final Logger LOG = LoggerFactory.getLogger(ApiGuard.class);

    /** Blocks the calling thread; a seam so tests can see the waits without waiting. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Side side;
    private final String system;
    private final GuardSettings settings;
    private final DailyAllocation allocation;
    private final Map<ApiCall.Lane, RateLimiter> limiters;
    private final PortalPressure pressure;
    private final CircuitBreaker breaker;
    private final Backoff backoff;
    private final GuardMetrics metrics;
    private final Sleeper sleeper;
    private final Clock clock;
    private final AtomicReference<String> authRefused = new AtomicReference<>();
    private volatile Runnable recheck = () -> { };
    private volatile Instant recheckedAt = Instant.MIN;

    public ApiGuard(Side side, GuardSettings settings, DailyAllocation allocation, Map<ApiCall.Lane, RateLimiter> limiters,
                    GuardMetrics metrics, Sleeper sleeper, Clock clock) {
        this.side = side;
        this.system = systemName(side);
        this.settings = settings;
        this.allocation = allocation;
        this.limiters = new EnumMap<>(ApiCall.Lane.class);
        this.limiters.putAll(limiters);
        this.pressure = new PortalPressure();
        this.breaker = CircuitBreaker.of(system, CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.breakerFailureRate())
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(settings.breakerWindow())
                .waitDurationInOpenState(settings.breakerOpenFor())
                // Only trouble on the CRM's side counts: a bad record or a refused token says nothing
                // about whether the next call will get through.
                .recordException(e -> e instanceof CrmException c && c.isRetriable())
                .build());
        this.backoff = new Backoff(settings.firstDelay(), settings.maxDelay(), java.util.concurrent.ThreadLocalRandom.current()::nextDouble);
        this.metrics = metrics;
        this.sleeper = sleeper;
        this.clock = clock;
        metrics.register(this);
    }

    /** A guard with no limits, no retries, no breaker worth the name and no memory: for tests and tools built without Spring. */
    public static ApiGuard unguarded(Side side) {
        Clock clock = Clock.systemUTC();
        return new ApiGuard(side, GuardSettings.passThrough(), new DailyAllocation(systemName(side), 1.0, clock, UsageLog.NONE),
                Map.of(), GuardMetrics.NONE, duration -> Thread.sleep(duration.toMillis()), clock);
    }

    public static String systemName(Side side) {
        return side.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** How to ask the CRM, for free, whether budget or token is back (Salesforce {@code /limits}, HubSpot's usage). */
    public void recheckWith(Runnable recheck) {
        this.recheck = recheck;
    }

    public <T> T call(ApiCall call, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(call, work);
            } catch (CrmException e) {
                Optional<Duration> wait = e.isRetriable() && attempt < settings.maxAttempts()
                        && !BUDGET_SPENT.equals(e.code()) && !CIRCUIT_OPEN.equals(e.code())
                        ? backoff.before(attempt, e.retryAfter()) : Optional.empty();
                if (wait.isEmpty()) {
                    throw e;
                }
                metrics.retried(system);
                LOG.debug("{} {}: {} — retry {} in {} ms", system, call.operation(), e.getMessage(), attempt,
                        wait.get().toMillis());
                sleep(wait.get(), e);
            }
        }
    }

    private <T> T once(ApiCall call, Supplier<T> work) {
        if (call.counted()) {
            Optional<Instant> spent = allocation.spentUntil();
            if (spent.isPresent()) {
                throw budgetSpent(spent.get());
            }
        }
        awaitPermission(call);
        T answer;
        try {
            answer = breaker.executeSupplier(() -> metrics.timed(system, call.operation(), work));
        } catch (CallNotPermittedException open) {
            throw new CrmException(side, Kind.RETRIABLE, CIRCUIT_OPEN, "the " + system
                    + " circuit breaker is open after repeated failures; calls resume on their own",
                    settings.breakerOpenFor(), open);
        } catch (CrmException e) {
            if (call.counted()) {
                allocation.counted();
            }
            throw classified(e);
        }
        if (call.counted()) {
            allocation.counted();
        }
        tokenAccepted();
        return answer;
    }

    /** A refusal for the org's daily limit is a spent allocation too (Salesforce 403, HubSpot 429 DAILY). */
    private CrmException classified(CrmException e) {
        if ("REQUEST_LIMIT_EXCEEDED".equals(e.code()) || "DAILY".equals(e.code())) {
            Instant until = clock.instant().plus(e.retryAfter().orElse(settings.recheck()));
            allocation.orgExhausted(until);
            return budgetSpent(until);
        }
        if (e.kind() == Kind.AUTH) {
            tokenRefused(e.getMessage());
        }
        return e;
    }

    private CrmException budgetSpent(Instant until) {
        Duration left = Duration.between(clock.instant(), until);
        return new CrmException(side, Kind.RETRIABLE, BUDGET_SPENT, "Baton's daily " + system
                + " API allocation is spent (" + allocation.used() + " of " + describe(allocation.allocated()) + " calls"
                + allocation.orgRemaining().stream().mapToObj(r -> ", the org has " + r + " left").findFirst().orElse("")
                + "); calls resume at " + until, left.isNegative() ? Duration.ZERO : left, null);
    }

    private void awaitPermission(ApiCall call) {
        RateLimiter limiter = limiters.get(call.lane());
        if (limiter != null && !limiter.acquirePermission()) {
            throw new CrmException(side, Kind.RETRIABLE, "CLIENT_RATE_LIMIT",
                    "no " + system + " " + call.lane().name().toLowerCase(java.util.Locale.ROOT) + " permit within "
                            + limiter.getRateLimiterConfig().getTimeoutDuration(), null, null);
        }
        if (call.lane() == ApiCall.Lane.BURST) {
            Duration hold = pressure.holdBeforeNextCall();
            if (!hold.isZero()) {
                sleep(hold, null);
            }
        }
    }

    private void sleep(Duration wait, CrmException onInterrupt) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw onInterrupt != null ? onInterrupt
                    : new CrmException(side, Kind.RETRIABLE, "INTERRUPTED", system + " call interrupted");
        }
    }

    /** The credentials were refused: the sync of this system waits until a call gets through again. */
    public void tokenRefused(String reason) {
        if (authRefused.getAndSet(reason) == null) {
            LOG.error("{}: credentials refused, sync of {} paused until they work again: {}", system, system, reason);
        }
    }

    private void tokenAccepted() {
        if (authRefused.getAndSet(null) != null) {
            LOG.info("{}: credentials accepted again", system);
        }
    }

    /** Why this system's sync should wait now, if it should; asks the CRM again when a recheck is due. */
    public Optional<Pause> pause() {
        Optional<Pause> pause = currentPause();
        if (pause.isPresent() && !recheckedAt.plus(settings.recheck()).isAfter(clock.instant())) {
            recheckedAt = clock.instant();
            try {
                recheck.run();
            } catch (CrmException e) {
                LOG.debug("{}: recheck failed: {}", system, e.getMessage());
            }
            pause = currentPause();
        }
        return pause;
    }

    /** The pause as it stands, without asking the CRM (for gauges). */
    Pause currentPauseOrNull() {
        return currentPause().orElse(null);
    }

    private Optional<Pause> currentPause() {
        String refused = authRefused.get();
        if (refused != null) {
            return Optional.of(new Pause(system, Pause.Reason.AUTH, refused, clock.instant().plus(settings.recheck())));
        }
        return allocation.spentUntil().map(until -> new Pause(system, Pause.Reason.BUDGET,
                "daily API allocation spent: " + allocation.used() + " of " + describe(allocation.allocated()) + " calls",
                until.isAfter(clock.instant()) ? until : clock.instant().plus(settings.recheck())));
    }

    private static String describe(java.util.OptionalLong n) {
        return n.isPresent() ? String.valueOf(n.getAsLong()) : "unknown";
    }

    public Side side() {
        return side;
    }

    public String system() {
        return system;
    }

    public DailyAllocation allocation() {
        return allocation;
    }

    public PortalPressure pressure() {
        return pressure;
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }
}
