package io.baton.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one change stream has done since the service started, for {@code GET /api/status}: its
 * last run, totals, the last failure, and — during a backfill — how much is left and when it
 * should be done at the current rate.
 */
public record StreamStatus(String stream, Optional<Instant> lastRunStarted, Optional<Instant> lastRunFinished,
                           long changesRead, long hubspotWrites, long salesforceWrites, long failures, long conflicts,
                           OptionalLong remaining, double recordsPerSecond, Optional<Duration> eta,
                           Optional<String> lastError) {
}
