package io.baton.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** The running totals of one stream; updated by the page loop, read by the status endpoint. */
final class StreamStats {

    private final String stream;
    private Instant lastRunStarted;
    private Instant lastRunFinished;
    private long changesRead;
    private long hubspotWrites;
    private long salesforceWrites;
    private long failures;
    private long conflicts;
    private OptionalLong remaining = OptionalLong.empty();
    private double recordsPerSecond;
    private String lastError;

    StreamStats(String stream) {
        this.stream = stream;
    }

    synchronized void runStarted(Instant at) {
        lastRunStarted = at;
    }

    synchronized void page(PageResult page, double rate) {
        changesRead += page.changesRead();
        hubspotWrites += page.outcome().hubspotWrites();
        salesforceWrites += page.outcome().salesforceWrites();
        failures += page.outcome().failures();
        conflicts += page.outcome().conflicts();
        remaining = page.hasMore() ? page.remaining() : OptionalLong.of(0);
        recordsPerSecond = rate;
        lastError = null;
    }

    synchronized void failed(String message) {
        lastError = message;
    }

    synchronized void runFinished(Instant at) {
        lastRunFinished = at;
    }

    synchronized StreamStatus snapshot(Clock clock) {
        Optional<Duration> eta = remaining.isPresent() && remaining.getAsLong() > 0 && recordsPerSecond > 0
                ? Optional.of(Duration.ofSeconds((long) Math.ceil(remaining.getAsLong() / recordsPerSecond)))
                : Optional.empty();
        return new StreamStatus(stream, Optional.ofNullable(lastRunStarted), Optional.ofNullable(lastRunFinished),
                changesRead, hubspotWrites, salesforceWrites, failures, conflicts, remaining, recordsPerSecond, eta,
                Optional.ofNullable(lastError));
    }
}
