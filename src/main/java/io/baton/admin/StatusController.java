package io.baton.admin;

import io.baton.core.record.SyncCursor;
import io.baton.resilience.ApiGuard;
import io.baton.resilience.ApiGuards;
import io.baton.store.DeadLetterRepository;
import io.baton.store.LinkStatus;
import io.baton.store.RecordLinkRepository;
import io.baton.store.SyncCursorRepository;
import io.baton.sync.Rebaseline;
import io.baton.sync.StreamStatus;
import io.baton.sync.SyncLag;
import io.baton.sync.SyncLoop;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/status} (DESIGN §3): per stream its committed cursor and how far behind now it
 * is ({@link SyncLag}, the rule of the {@code baton_sync_lag_seconds} gauge too), its last run, what
 * it read and wrote since start-up, its failures, and during a backfill what is left with an ETA;
 * plus the store's link and dead-letter counts, each CRM's API budget and when a re-baseline began.
 */
@RestController
class StatusController {

    private final SyncLoop sync;
    private final SyncCursorRepository cursors;
    private final RecordLinkRepository links;
    private final DeadLetterRepository deadLetters;
    private final ApiGuards guards;
    private final Clock clock;
    private final Rebaseline rebaseline;

    StatusController(SyncLoop sync, SyncCursorRepository cursors, RecordLinkRepository links,
                     DeadLetterRepository deadLetters, ApiGuards guards, Clock clock, Rebaseline rebaseline) {
        this.guards = guards;
        this.rebaseline = rebaseline;
        this.sync = sync;
        this.cursors = cursors;
        this.links = links;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Operation(summary = "Per stream: cursor, lag, last run, totals, backfill progress; link and dead-letter counts")
    @GetMapping("/api/status")
    Map<String, Object> status() {
        Map<String, SyncCursor> committed = cursors.findAll();
        List<Map<String, Object>> streams = sync.status().stream().map(s -> stream(s, committed.get(s.stream()))).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("streams", streams);
        body.put("links", Map.of("active", links.countByStatus(LinkStatus.ACTIVE),
                "merged", links.countByStatus(LinkStatus.MERGED), "deleted", links.countByStatus(LinkStatus.DELETED)));
        body.put("deadLettersOpen", deadLetters.countOpen());
        body.put("deadLettersParked", deadLetters.countUnresolved() - deadLetters.countOpen());
        body.put("apiBudget", guards.both().stream().map(StatusController::budget).toList());
        // A re-baseline's progress is each stream's remaining and ETA above, as for a backfill.
        body.put("rebaselineStartedAt", rebaseline.startedAt().map(Object::toString).orElse(null));
        return body;
    }

    /** Baton's calls in the rolling day against its share of the CRM's daily limit (null until a CRM said its limit). */
    private static Map<String, Object> budget(ApiGuard guard) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("system", guard.system());
        m.put("used", guard.allocation().used());
        OptionalLong allocated = guard.allocation().allocated();
        m.put("allocated", allocated.isPresent() ? allocated.getAsLong() : null);
        return m;
    }

    private Map<String, Object> stream(StreamStatus s, SyncCursor cursor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stream", s.stream());
        boolean read = cursor != null && SyncLag.hasRead(cursor);
        m.put("cursor", read ? Map.of("timestamp", cursor.timestamp().toString(), "id", cursor.id()) : null);
        m.put("lagSeconds", SyncLag.seconds(s, Optional.ofNullable(cursor), clock.instant()).orElse(null));
        m.put("lastRunStarted", s.lastRunStarted().map(Object::toString).orElse(null));
        m.put("lastRunFinished", s.lastRunFinished().map(Object::toString).orElse(null));
        m.put("changesRead", s.changesRead());
        m.put("writes", Map.of("hubspot", s.hubspotWrites(), "salesforce", s.salesforceWrites()));
        m.put("failures", s.failures());
        m.put("conflicts", s.conflicts());
        m.put("remaining", s.remaining().isPresent() ? s.remaining().getAsLong() : null);
        m.put("recordsPerSecond", Math.round(s.recordsPerSecond() * 10) / 10.0);
        m.put("etaSeconds", s.eta().map(Duration::toSeconds).orElse(null));
        m.put("lastError", s.lastError().orElse(null));
        return m;
    }
}
