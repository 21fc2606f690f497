package io.baton.resilience;

import java.time.Instant;
import java.util.Map;

/**
 * Where Baton's own API calls are kept per hour, so that a restart does not forget what it used
 * of the rolling 24 hours. Counts are flushed per bucket, never one row per call.
 */
public interface UsageLog {

    /** Adds {@code calls} to the bucket of {@code system} starting at {@code bucket}. */
    void add(String system, Instant bucket, long calls);

    /** The buckets of {@code system} from {@code since} on. */
    Map<Instant, Long> since(String system, Instant since);

    /** Keeps nothing: for tests and tools that need no memory across restarts. */
    UsageLog NONE = new UsageLog() {
        @Override
        public void add(String system, Instant bucket, long calls) {
        }

        @Override
        public Map<Instant, Long> since(String system, Instant since) {
            return Map.of();
        }
    };
}
