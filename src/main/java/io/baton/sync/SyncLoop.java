package io.baton.sync;

import io.baton.core.mapping.SalesforceType;
import io.baton.core.record.CrmException;
import io.baton.resilience.ApiGuard;
import io.baton.resilience.Pause;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the sync routes call: read and sync pages of one direction until it is caught up (or the
 * per-poll page budget is spent). One page runs at a time across both directions, so the two
 * never pair or create the same person concurrently.
 */
public class SyncLoop {

    private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);

    private static final List<String> STREAMS = List.of(SyncStreams.HUBSPOT,
            SyncStreams.salesforce(SalesforceType.LEAD), SyncStreams.salesforce(SalesforceType.CONTACT),
            SyncStreams.SALESFORCE_OPPORTUNITIES);

    private final ActiveMappings mappings;
    private final Clock clock;
    private final HubSpotArchiveScan archiveScan;
    private final Duration archiveScanEvery;
    private volatile java.time.Instant archiveScannedAt = java.time.Instant.MIN;
    private final Map<String, StreamStats> stats = new ConcurrentHashMap<>();
    private final HubSpotPageSync hubspot;
    private final SalesforcePageSync salesforce;
    private final int maxPagesPerRun;
    private final List<ApiGuard> guards;
    private final java.util.Set<String> pausedSystems = ConcurrentHashMap.newKeySet();

    private final ReentrantLock onePageAtATime = new ReentrantLock();

    private final java.util.Set<String> caughtUp = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SyncLoop(ActiveMappings mappings, HubSpotPageSync hubspot, SalesforcePageSync salesforce,
             HubSpotArchiveScan archiveScan, Duration archiveScanEvery, int maxPagesPerRun, Clock clock,
             List<ApiGuard> guards) {
        this.mappings = mappings;
        this.guards = List.copyOf(guards);
        this.archiveScan = archiveScan;
        this.archiveScanEvery = archiveScanEvery;
        this.clock = clock;
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.maxPagesPerRun = maxPagesPerRun;
    }

    /** HubSpot contacts changed since the cursor → Salesforce (and back where the rules say). */
    public int syncHubSpot() {
        int read = run(SyncStreams.HUBSPOT, () -> hubspot.syncPage(mappings.get()));
        scanHubSpotArchivesIfDue();
        return read;
    }

    /** HubSpot deletes, which the change stream cannot show; see {@link HubSpotArchiveScan}. */
    public int scanHubSpotArchives() {
        onePageAtATime.lock();
        try {
            archiveScannedAt = clock.instant();
            return archiveScan.scan();
        } finally {
            onePageAtATime.unlock();
        }
    }

    private void scanHubSpotArchivesIfDue() {
        if (archiveScannedAt.plus(archiveScanEvery).isBefore(clock.instant()) && paused().isEmpty()) {
            scanHubSpotArchives();
        }
    }

    /** Salesforce Leads, then Contacts, changed since their cursors → HubSpot (and back). */
    public int syncSalesforce() {
        return run(SyncStreams.salesforce(SalesforceType.LEAD), () -> salesforce.syncPage(SalesforceType.LEAD, mappings.get()))
                + run(SyncStreams.salesforce(SalesforceType.CONTACT),
                        () -> salesforce.syncPage(SalesforceType.CONTACT, mappings.get()))
                + run(SyncStreams.SALESFORCE_OPPORTUNITIES, () -> salesforce.syncOpportunityPage(mappings.get()));
    }

    /** Both directions until neither has anything left: for tests, the demo's first pass and backfills. */
    public int syncUntilQuiet(int maxRounds) {
        int read = 0;
        for (int round = 0; round < maxRounds; round++) {
            int now = syncHubSpot() + syncSalesforce();
            read += now;
            if (now == 0) {
                break;
            }
        }
        return read;
    }

    /**
     * Why the sync waits now, if it does: every flow reads one CRM and writes the other, so a pause
     * of either (allocation spent, token refused) holds them all. One line when a system pauses,
     * one when it resumes; nothing per poll in between.
     */
    private Optional<Pause> paused() {
        Optional<Pause> first = Optional.empty();
        for (ApiGuard guard : guards) {
            Optional<Pause> pause = guard.pause();
            if (pause.isPresent()) {
                if (pausedSystems.add(guard.system())) {
                    LOG.warn("sync paused for {}: {} (trying again by {})", guard.system(), pause.get().why(),
                            pause.get().until());
                }
                first = first.or(() -> pause);
            } else if (pausedSystems.remove(guard.system())) {
                LOG.info("sync resumed: {} is available again", guard.system());
            }
        }
        return first;
    }

    /** What the sync waits for now, if anything (an allocation spent, credentials refused): for status and tests. */
    public List<Pause> pauses() {
        return guards.stream().map(ApiGuard::pause).flatMap(Optional::stream).toList();
    }

    /** A refusal that means "wait", which the guard has already turned into a pause. */
    private static boolean isPause(CrmException e) {
        return ApiGuard.BUDGET_SPENT.equals(e.code()) || e.kind() == CrmException.Kind.AUTH;
    }

    /** Work on chosen records with the page syncs the streams use: see {@link #exclusively}. */
    interface PageWork<T> {
        T run(io.baton.core.mapping.Mappings mappings, HubSpotPageSync hubspot, SalesforcePageSync salesforce);
    }

    /**
     * Runs {@code work} (a {@link RecordResync}) holding the one-page-at-a-time lock, so it never
     * pairs or creates a person concurrently with a stream's page.
     */
    <T> T exclusively(PageWork<T> work) {
        return whileStill(() -> work.run(mappings.get(), hubspot, salesforce));
    }

    /** Runs {@code work} while no page of this loop runs: a dry run keeps the real engine still while it plans. */
    <T> T whileStill(Supplier<T> work) {
        onePageAtATime.lock();
        try {
            return work.get();
        } finally {
            onePageAtATime.unlock();
        }
    }

    /** True once every stream has read up to its present at least once since start. */
    public boolean caughtUpOnce() {
        return caughtUp.containsAll(STREAMS);
    }

    /** Each stream's totals since start-up, for {@code GET /api/status}. */
    public List<StreamStatus> status() {
        return STREAMS.stream().map(stream -> stats(stream).snapshot(clock)).toList();
    }

    /** Pages until caught up or the budget is spent; returns the changes read. */
    private int run(String stream, Supplier<PageResult> page) {
        StreamStats stats = stats(stream);
        stats.runStarted(clock.instant());
        long runStarted = System.nanoTime();
        int read = 0;
        try {
            for (int pages = 0; pages < maxPagesPerRun && paused().isEmpty(); pages++) {
                PageResult result;
                long started = System.nanoTime();
                onePageAtATime.lock();
                try {
                    result = page.get();
                } catch (CrmException e) {
                    if (!isPause(e)) {
                        throw e;
                    }
                    // The page is replayed from the committed cursor once the pause is over.
                    paused();
                    break;
                } finally {
                    onePageAtATime.unlock();
                }
                read += result.changesRead();
                double seconds = Math.max(1e-3, (System.nanoTime() - runStarted) / 1e9);
                stats.page(result, read / seconds);
                if (result.changesRead() > 0) {
                    PairSync.PageOutcome o = result.outcome();
                    LOG.info("sync {}: {} changes, {} pairs, {} excluded, writes hubspot={} salesforce={}, {} failed, {} conflicts, {} ms",
                            result.stream(), result.changesRead(), o.pairs(), result.excluded(), o.hubspotWrites(),
                            o.salesforceWrites(), o.failures(), o.conflicts(), (System.nanoTime() - started) / 1_000_000);
                    logProgress(stream, read, seconds, result);
                }
                if (!result.hasMore()) {
                    caughtUp.add(stream);
                    break;
                }
            }
        } catch (RuntimeException e) {
            stats.failed(e.getMessage());
            throw e;
        } finally {
            stats.runFinished(clock.instant());
        }
        return read;
    }

    /** During a backfill (a stream that knows how much is left): done, to go, rate and ETA. */
    private static void logProgress(String stream, int read, double seconds, PageResult result) {
        if (result.hasMore() && result.remaining().isPresent() && result.remaining().getAsLong() > 0) {
            long left = result.remaining().getAsLong();
            double rate = read / seconds;
            LOG.info("progress {}: {} done this run, {} to go, {} records/s, ETA {}", stream, read, left,
                    String.format(java.util.Locale.ROOT, "%.0f", rate),
                    Duration.ofSeconds((long) Math.ceil(left / Math.max(rate, 1e-3))));
        }
    }

    private StreamStats stats(String stream) {
        return stats.computeIfAbsent(stream, StreamStats::new);
    }
}
