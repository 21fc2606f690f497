package io.baton.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The share of a CRM's daily API allowance Baton may use ({@code api-allocation}), so it never
 * starves the org's other integrations. Baton counts its own calls over a rolling 24 hours in
 * hourly buckets and learns the org's Max and Remaining from the API itself ({@code /limits},
 * {@code Sforce-Limit-Info}, HubSpot's daily headers). Spent when Baton's own use reaches its
 * share, or when the org has nothing left at all.
 */
public final class DailyAllocation {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DailyAllocation.class);

    static final Duration DAY = Duration.ofHours(24);
    private static final Duration BUCKET = Duration.ofHours(1);
    /** Counts go to the log at least this often, so a crash forgets little. */
    private static final int FLUSH_EVERY = 100;

    private final String system;
    private final double fraction;
    private final Clock clock;
    private final UsageLog log;
    private final TreeMap<Instant, Long> buckets = new TreeMap<>();
    private long unflushed;
    private Instant unflushedBucket;
    private long orgMax = -1;
    private long orgRemaining = -1;
    private Instant orgOutUntil = Instant.MIN;
    private boolean loaded;

    public DailyAllocation(String system, double fraction, Clock clock, UsageLog log) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException(system + " api-allocation must be in (0, 1], was " + fraction);
        }
        this.system = system;
        this.fraction = fraction;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Reads what earlier runs counted, once the store can answer: {@code validate} builds the
     * guards against an unmigrated store, and a store that is down must not stop the sync.
     */
    private void loadOnce() {
        if (loaded) {
            return;
        }
        try {
            log.since(system, clock.instant().minus(DAY)).forEach((bucket, calls) -> buckets.merge(bucket, calls, Long::sum));
            loaded = true;
        } catch (RuntimeException e) {
            LOG.debug("{}: earlier API usage not readable yet: {}", system, e.getMessage());
        }
    }

    /** One call Baton made; counts go to the log every hundred calls, when the hour turns and on {@link #flush()}. */
    public synchronized void counted() {
        loadOnce();
        Instant bucket = clock.instant().truncatedTo(ChronoUnit.HOURS);
        if (unflushedBucket != null && !unflushedBucket.equals(bucket)) {
            flush();
        }
        unflushedBucket = bucket;
        unflushed++;
        buckets.merge(bucket, 1L, Long::sum);
        if (unflushed >= FLUSH_EVERY) {
            flush();
        }
    }

    /** Writes the counts not yet in the log. */
    public synchronized void flush() {
        if (unflushed > 0) {
            try {
                log.add(system, unflushedBucket, unflushed);
                unflushed = 0;
            } catch (RuntimeException e) {
                LOG.warn("{}: could not store the API usage count ({} calls kept for the next try): {}", system,
                        unflushed, e.getMessage());
            }
        }
    }

    /** What the org's API answered about its own allowance (Max and Remaining over the rolling day). */
    public synchronized void observed(long max, long remaining) {
        orgMax = max;
        orgRemaining = remaining;
        if (remaining > 0) {
            orgOutUntil = Instant.MIN;
        }
    }

    /** The org refused a call for its daily limit: nothing is left until {@code until}, whatever the count says. */
    public synchronized void orgExhausted(Instant until) {
        orgRemaining = 0;
        orgOutUntil = until;
    }

    /** Baton's own calls in the last 24 hours. */
    public synchronized long used() {
        loadOnce();
        dropExpired();
        return buckets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Baton's share of the org's Max, once the Max is known. */
    public synchronized OptionalLong allocated() {
        return orgMax < 0 ? OptionalLong.empty() : OptionalLong.of((long) Math.floor(orgMax * fraction));
    }

    public synchronized OptionalLong orgRemaining() {
        return orgRemaining < 0 ? OptionalLong.empty() : OptionalLong.of(orgRemaining);
    }

    /** When calls may go again, if the allocation is spent now. */
    public synchronized Optional<Instant> spentUntil() {
        Instant now = clock.instant();
        if (orgRemaining == 0) {
            return Optional.of(orgOutUntil.isAfter(now) ? orgOutUntil : now);
        }
        OptionalLong allocated = allocated();
        if (allocated.isEmpty() || used() < allocated.getAsLong()) {
            return Optional.empty();
        }
        // The oldest hour leaves the rolling day first; that is when budget frees up.
        return Optional.of(buckets.isEmpty() ? now : buckets.firstKey().plus(BUCKET).plus(DAY));
    }

    private void dropExpired() {
        Instant cutoff = clock.instant().minus(DAY).truncatedTo(ChronoUnit.HOURS);
        buckets.headMap(cutoff).clear();
    }

    Map<Instant, Long> buckets() {
        return Map.copyOf(buckets);
    }
}
