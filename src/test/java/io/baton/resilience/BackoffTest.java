package io.baton.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static Backoff with(double random) {
        return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), () -> random);
    }

    @Test
    void jitterStaysBetweenZeroAndTheDoublingCeiling() {
        assertThat(with(0.0).before(3, Optional.empty())).contains(Duration.ZERO);
        assertThat(with(0.999).before(1, Optional.empty()).orElseThrow()).isLessThan(Duration.ofMillis(200));
        assertThat(with(0.999).before(3, Optional.empty()).orElseThrow())
                .isGreaterThan(Duration.ofMillis(700)).isLessThan(Duration.ofMillis(800));
        assertThat(with(0.999).before(40, Optional.empty()).orElseThrow()).as("capped at max-delay")
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void neverWaitsLessThanTheApiAskedFor() {
        assertThat(with(0.0).before(1, Optional.of(Duration.ofSeconds(3)))).contains(Duration.ofSeconds(3));
        assertThat(with(0.999).before(10, Optional.of(Duration.ofSeconds(3))).orElseThrow())
                .isGreaterThan(Duration.ofSeconds(3));
    }

    @Test
    void aWaitLongerThanMaxDelayIsLeftToTheNextPoll() {
        assertThat(with(0.5).before(1, Optional.of(Duration.ofMinutes(15)))).isEmpty();
    }
}
