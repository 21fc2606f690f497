package io.baton.sandbox.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.sandbox.http.SandboxClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RollingWindowLimiterTest {

    private final SandboxClock clock = new SandboxClock(Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void refusesPastTheMaxWithinTheWindowAndRecoversWhenItRolls() {
        RollingWindowLimiter limiter = new RollingWindowLimiter(clock, 3, Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire().remaining()).isEqualTo(2);
        limiter.tryAcquire();
        assertThat(limiter.tryAcquire().remaining()).isZero();
        RollingWindowLimiter.Outcome refused = limiter.tryAcquire();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire().allowed()).isTrue();
    }

    @Test
    void refusedRequestsDoNotUseUpTheWindow() {
        RollingWindowLimiter limiter = new RollingWindowLimiter(clock, 1, Duration.ofSeconds(1));
        limiter.tryAcquire();
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire().allowed()).isFalse();
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire().allowed()).isTrue();
    }

    @Test
    void dailyBudgetRefusesOnceSpentAndResets() {
        DailyBudget budget = new DailyBudget(2);
        assertThat(budget.trySpend()).isTrue();
        assertThat(budget.trySpend()).isTrue();
        assertThat(budget.trySpend()).isFalse();
        assertThat(budget.remaining()).isZero();
        budget.reset(5);
        assertThat(budget.remaining()).isEqualTo(5);
    }
}
