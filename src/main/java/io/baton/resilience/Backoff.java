package io.baton.resilience;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with full jitter (a random wait between zero and {@code base × 2^(n-1)},
 * capped at {@code maxDelay}), never shorter than what the API asked for ({@code Retry-After},
 * or the policy's back-off). A wait the API asks for beyond {@code maxDelay} is not waited here:
 * the caller gives up and the next poll starts again from the committed cursor.
 */
public record Backoff(Duration base, Duration maxDelay, DoubleSupplier random) {

    /** The wait before retry number {@code retry} (1 = the first retry), or empty when it is too long to wait. */
    public Optional<Duration> before(int retry, Optional<Duration> askedFor) {
        if (askedFor.isPresent() && askedFor.get().compareTo(maxDelay) > 0) {
            return Optional.empty();
        }
        long ceiling = Math.min(maxDelay.toMillis(), base.toMillis() << Math.min(retry - 1, 30));
        Duration jittered = Duration.ofMillis((long) (random.getAsDouble() * ceiling));
        Duration floor = askedFor.orElse(Duration.ZERO);
        return Optional.of(jittered.compareTo(floor) < 0 ? floor : jittered);
    }
}
