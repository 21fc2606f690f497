package io.baton.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.sandbox.http.SandboxClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DailyAllocationTest {

    private final SandboxClock clock = new SandboxClock(Clock.fixed(Instant.parse("2026-03-02T09:10:00Z"), ZoneOffset.UTC));

    /** A log in memory, as the store keeps it. */
    private static final class MemoryLog implements UsageLog {
        final Map<String, TreeMap<Instant, Long>> rows = new java.util.HashMap<>();

        @Override
        public void add(String system, Instant bucket, long calls) {
            rows.computeIfAbsent(system, s -> new TreeMap<>()).merge(bucket, calls, Long::sum);
        }

        @Override
        public Map<Instant, Long> since(String system, Instant since) {
            return rows.getOrDefault(system, new TreeMap<>()).tailMap(since, true);
        }
    }

    @Test
    void countsRollOffAfterADayAndSurviveARestart() {
        MemoryLog log = new MemoryLog();
        DailyAllocation first = new DailyAllocation("salesforce", 0.5, clock, log);
        first.observed(20, 20);
        for (int i = 0; i < 10; i++) {
            first.counted();
        }
        assertThat(first.spentUntil()).as("10 of 10 used").contains(Instant.parse("2026-03-03T10:00:00Z"));
        first.flush();

        DailyAllocation restarted = new DailyAllocation("salesforce", 0.5, clock, log);
        assertThat(restarted.used()).isEqualTo(10);
        assertThat(log.rows.get("salesforce")).as("one row per hour, not per call").hasSize(1);

        clock.advance(Duration.ofHours(25));
        assertThat(restarted.used()).isZero();
    }

    @Test
    void theAllocationMustBeAFractionOfTheDay() {
        assertThatThrownBy(() -> new DailyAllocation("hubspot", 0, clock, UsageLog.NONE)).hasMessageContaining("hubspot");
        assertThatThrownBy(() -> new DailyAllocation("hubspot", 1.5, clock, UsageLog.NONE)).hasMessageContaining("(0, 1]");
    }
}
