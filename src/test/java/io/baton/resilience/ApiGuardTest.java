package io.baton.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.baton.core.record.CrmException;
import io.baton.core.record.CrmException.Kind;
import io.baton.core.record.Side;
import io.baton.sandbox.http.SandboxClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The guard's decisions, with a recorded sleeper and a clock that moves only when told. */
class ApiGuardTest {

    private static final ApiCall QUERY = ApiCall.counted("query", ApiCall.Lane.NONE);
    private static final ApiCall LIMITS = ApiCall.free("limits", ApiCall.Lane.NONE);

    private final SandboxClock clock = new SandboxClock(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));
    private final List<Duration> waits = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private ApiGuard guard(int attempts, double allocation) {
        GuardSettings settings = new GuardSettings(attempts, Duration.ofMillis(200), Duration.ofSeconds(10), 50f, 10,
                Duration.ofSeconds(30), Duration.ofMinutes(1));
        return new ApiGuard(Side.SALESFORCE, settings, new DailyAllocation("salesforce", allocation, clock, UsageLog.NONE),
                Map.of(), new GuardMetrics(registry), waits::add, clock);
    }

    private static CrmException failure(Kind kind, String code, Duration retryAfter) {
        return new CrmException(Side.SALESFORCE, kind, code, "Salesforce answered " + code, retryAfter, null);
    }

    @Test
    void aRateLimitIsRetriedOnceAfterAtLeastRetryAfter() {
        ApiGuard guard = guard(3, 1.0);
        AtomicInteger calls = new AtomicInteger();

        String answer = guard.call(QUERY, () -> {
            if (calls.incrementAndGet() == 1) {
                throw failure(Kind.RETRIABLE, "RATE_LIMIT", Duration.ofSeconds(2));
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(calls).hasValue(2);
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(registry.get("baton.api.retries").tag("system", "salesforce").counter().count()).isEqualTo(1);
        assertThat(registry.get("baton.api.calls").tag("system", "salesforce").counter().count()).isEqualTo(2);
        assertThat(registry.get("baton.api.call").tag("operation", "query").timer().count()).isEqualTo(2);
    }

    @Test
    void attemptsAreBoundedAndBadRecordsOrFatalsAreNeverRetried() {
        ApiGuard guard = guard(3, 1.0);
        AtomicInteger calls = new AtomicInteger();
        CrmException e = catchThrowableOfType(CrmException.class, () -> guard.call(QUERY, () -> {
            calls.incrementAndGet();
            throw failure(Kind.RETRIABLE, "SERVER_UNAVAILABLE", null);
        }));
        assertThat(e.code()).isEqualTo("SERVER_UNAVAILABLE");
        assertThat(calls).hasValue(3);
        assertThat(waits).hasSize(2);

        for (Kind kind : List.of(Kind.RECORD, Kind.FATAL)) {
            calls.set(0);
            catchThrowableOfType(CrmException.class, () -> guard.call(QUERY, () -> {
                calls.incrementAndGet();
                throw failure(kind, "X", null);
            }));
            assertThat(calls).as(kind.name()).hasValue(1);
        }
    }

    @Test
    void badRecordsNeverOpenTheBreakerButCrmTroubleDoes() {
        ApiGuard guard = guard(1, 1.0);
        for (int i = 0; i < 30; i++) {
            catchThrowableOfType(CrmException.class, () -> guard.call(QUERY, () -> {
                throw failure(Kind.RECORD, "FIELD_CUSTOM_VALIDATION_EXCEPTION", null);
            }));
        }
        assertThat(guard.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);

        for (int i = 0; i < 10; i++) {
            catchThrowableOfType(CrmException.class, () -> guard.call(QUERY, () -> {
                throw failure(Kind.RETRIABLE, "SERVER_UNAVAILABLE", null);
            }));
        }
        assertThat(guard.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        CrmException open = catchThrowableOfType(CrmException.class, () -> guard.call(QUERY, () -> "never"));
        assertThat(open.kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(open.code()).isEqualTo(ApiGuard.CIRCUIT_OPEN);
        assertThat(open.getMessage()).contains("salesforce");
        assertThat(registry.get("baton.circuit.state").tag("system", "salesforce").gauge().value()).isEqualTo(2);
    }

    @Test
    void aSpentAllocationRefusesCountedCallsPausesAndResumesWhenTheOrgHasMore() {
        ApiGuard guard = guard(3, 0.5);
        guard.allocation().observed(100, 100);
        for (int i = 0; i < 50; i++) {
            guard.call(QUERY, () -> "ok");
        }
        AtomicInteger calls = new AtomicInteger();

        CrmException spent = catchThrowableOfType(CrmException.class, () -> guard.call(QUERY, calls::incrementAndGet));

        assertThat(calls).as("no call made").hasValue(0);
        assertThat(spent.code()).isEqualTo(ApiGuard.BUDGET_SPENT);
        assertThat(spent.kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(spent.retryAfter().orElseThrow()).isGreaterThan(Duration.ofHours(24));
        assertThat(guard.call(LIMITS, () -> "free calls still go")).isEqualTo("free calls still go");
        assertThat(guard.pause()).hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(Pause.Reason.BUDGET));
        assertThat(registry.get("baton.sync.paused").tag("system", "salesforce").gauge().value()).isEqualTo(1);
        assertThat(registry.get("baton.api.budget.used").gauge().value()).isEqualTo(50);
        assertThat(registry.get("baton.api.budget.allocated").gauge().value()).isEqualTo(50);

        guard.recheckWith(() -> guard.allocation().observed(10_000, 9_900));
        clock.advance(Duration.ofMinutes(1));
        assertThat(guard.pause()).as("the recheck sees the raised budget").isEmpty();
        assertThat(guard.call(QUERY, () -> "again")).isEqualTo("again");
    }

    @Test
    void theOrgsDailyRefusalPausesUntilARecheckShowsBudget() {
        ApiGuard guard = guard(3, 0.5);
        Map<String, Integer> rechecks = new HashMap<>();
        guard.recheckWith(() -> rechecks.merge("limits", 1, Integer::sum));

        CrmException e = catchThrowableOfType(CrmException.class, () -> guard.call(QUERY, () -> {
            throw failure(Kind.RETRIABLE, "REQUEST_LIMIT_EXCEEDED", Duration.ofMinutes(15));
        }));

        assertThat(e.code()).isEqualTo(ApiGuard.BUDGET_SPENT);
        assertThat(waits).as("a day's limit is not waited out in a retry loop").isEmpty();
        assertThat(guard.pause()).isPresent();
        assertThat(guard.pause()).as("rechecked at most once per recheck interval").isPresent();
        assertThat(rechecks).containsEntry("limits", 1);

        clock.advance(Duration.ofMinutes(1));
        guard.recheckWith(() -> guard.allocation().observed(1000, 400));
        assertThat(guard.pause()).isEmpty();
    }

    @Test
    void refusedCredentialsPauseUntilACallGetsThrough() {
        ApiGuard guard = guard(3, 1.0);
        catchThrowableOfType(CrmException.class, () -> guard.call(QUERY, () -> {
            throw failure(Kind.AUTH, "INVALID_SESSION_ID", null);
        }));
        assertThat(guard.pause()).hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(Pause.Reason.AUTH));
        assertThat(waits).isEmpty();

        guard.call(LIMITS, () -> "token works");
        assertThat(guard.pause()).isEmpty();
    }
}
