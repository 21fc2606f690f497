package io.baton.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofMinutes(1), 2.0, Duration.ofHours(1), 8);

    @Test
    void theWaitDoublesFromTheFirstDelayUpToTheCap() {
        assertThat(backoff.delayAfter(1)).contains(Duration.ofMinutes(1));
        assertThat(backoff.delayAfter(2)).contains(Duration.ofMinutes(2));
        assertThat(backoff.delayAfter(3)).contains(Duration.ofMinutes(4));
        assertThat(backoff.delayAfter(7)).contains(Duration.ofHours(1)); // 64 minutes, capped
    }

    @Test
    void noAttemptIsLeftOnceMaxAttemptsHaveFailed() {
        assertThat(backoff.delayAfter(8)).isEmpty();
        assertThat(backoff.delayAfter(9)).isEmpty();
        assertThat(new RetryBackoff(Duration.ofMinutes(1), 2.0, Duration.ofHours(1), 1).delayAfter(1)).isEmpty();
    }

    @Test
    void aCapBelowTheFirstDelayCapsTheFirstToo() {
        assertThat(new RetryBackoff(Duration.ofMinutes(5), 2.0, Duration.ofMinutes(1), 3).delayAfter(1))
                .contains(Duration.ofMinutes(1));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofMinutes(1), 0.5, Duration.ofHours(1), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofMinutes(1), 2.0, Duration.ofHours(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void waitsNeverShrinkNorPassTheCap(@ForAll @IntRange(min = 1, max = 98) int failures) {
        RetryBackoff many = new RetryBackoff(Duration.ofSeconds(30), 3.0, Duration.ofHours(2), 100);
        Duration now = many.delayAfter(failures).orElseThrow();
        Duration next = many.delayAfter(failures + 1).orElseThrow();
        assertThat(next).isGreaterThanOrEqualTo(now).isLessThanOrEqualTo(Duration.ofHours(2));
    }
}
