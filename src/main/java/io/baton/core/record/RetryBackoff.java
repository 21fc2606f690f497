package io.baton.core.record;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A growing wait between automatic attempts: {@code firstDelay} after the first failure, each
 * further wait {@code multiplier} times the last, capped at {@code maxDelay}, and no further
 * attempt once {@code maxAttempts} have failed.
 */
public record RetryBackoff(Duration firstDelay, double multiplier, Duration maxDelay, int maxAttempts) {

    public RetryBackoff {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (firstDelay.isNegative() || maxDelay.isNegative() || multiplier < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs delays of zero or more, a multiplier of 1 or more and "
                    + "at least one attempt (were " + firstDelay + ", " + multiplier + ", " + maxDelay + ", " + maxAttempts + ")");
        }
    }

    /** The wait after the {@code failures}-th failure (from 1), or empty when no attempt is left. */
    public Optional<Duration> delayAfter(int failures) {
        if (failures >= maxAttempts) {
            return Optional.empty();
        }
        double millis = firstDelay.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
        // Compared as doubles first: a long run of doublings overflows a Duration long before the cap.
        return Optional.of(millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis));
    }
}
