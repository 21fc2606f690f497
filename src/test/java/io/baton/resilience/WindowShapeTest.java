package io.baton.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The limiter's shape: however calls fall, no rolling window ever sees more than the allowance. */
class WindowShapeTest {

    @ParameterizedTest
    @CsvSource({"150, 10000", "190, 10000", "4, 1000", "5, 1000", "2, 1000", "37, 10000"})
    void noRollingWindowExceedsTheAllowance(int allowance, long windowMillis) {
        Duration window = Duration.ofMillis(windowMillis);
        WindowShape shape = WindowShape.of(allowance, window);

        // The greediest caller: every permit taken the instant its period starts (and, worst case,
        // the last ones just before the period ends), for six windows.
        List<Long> calls = new ArrayList<>();
        long period = shape.period().toMillis();
        for (long start = 0; start < 6 * windowMillis; start += period) {
            for (int p = 0; p < shape.permitsPerPeriod(); p++) {
                calls.add(p % 2 == 0 ? start : start + period - 1);
            }
        }
        calls.sort(Long::compare);
        int worst = 0;
        for (int first = 0, last = 0; first < calls.size(); first++) {
            while (last < calls.size() && calls.get(last) < calls.get(first) + windowMillis) {
                last++;
            }
            worst = Math.max(worst, last - first);
        }

        assertThat(worst).isLessThanOrEqualTo(allowance);
        assertThat(shape.worstWindow(window)).isLessThanOrEqualTo(allowance).isGreaterThanOrEqualTo(worst);
    }

    @Test
    void theDefaultKeepsMostOfHubSpotsAllowanceUsable() {
        WindowShape shape = WindowShape.of(150, Duration.ofSeconds(10));
        long sustainedPerWindow = shape.permitsPerPeriod() * (Duration.ofSeconds(10).toMillis() / shape.period().toMillis());
        assertThat(sustainedPerWindow).as("sustained calls per 10 s").isGreaterThanOrEqualTo(130);
    }

    @Test
    void anAllowanceOfOneCannotBeShaped() {
        assertThatThrownBy(() -> WindowShape.of(1, Duration.ofSeconds(1))).hasMessageContaining("at least 2");
    }
}
