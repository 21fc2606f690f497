package io.baton.sync;

import io.baton.core.mapping.RecordIssue;
import io.baton.core.reconcile.Conflict;
import io.baton.core.reconcile.RecordPlan;
import io.baton.core.record.CrmException;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.record.RecordWrite;
import io.baton.core.record.Side;
import io.baton.core.record.SyncCursor;
import io.baton.core.record.WriteResult;
import io.baton.store.ConflictRepository;
import io.baton.store.DeadLetterRepository;
import io.baton.store.FieldSnapshotRepository;
import io.baton.store.NewRecordLink;
import io.baton.store.RecordFailure;
import io.baton.store.RecordLink;
import io.baton.store.RecordLinkRepository;
import io.baton.store.SyncCursorRepository;
import io.baton.store.WriteAudit;
import io.baton.store.WriteAuditRepository;
import io.baton.store.WriteOperation;
import io.baton.store.WriteOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end of a page, in one transaction (DESIGN §1): links for new pairs, the snapshots of pairs
 * whose writes all succeeded, the conflict log, the write audit, dead letters for what failed, and
 * last the stream's cursor. A crash before this commit replays the page.
 */
final class PageCommit {

    /** A write sent for one side of a pair and what came back. */
    record Sent(RecordWrite write, WriteResult result) {
    }

    /** One pair of the page once its writes are back. */
    record Done(SyncPair pair, RecordPlan plan, Optional<Sent> toHubspot, Optional<Sent> toSalesforce,
                Optional<StageCommit.StageOutcome> lifecycle) {

        boolean allSucceeded() {
            return toHubspot.map(s -> s.result().succeeded()).orElse(true)
                    && toSalesforce.map(s -> s.result().succeeded()).orElse(true);
        }
    }

    /** What the commit counted, and each failed source record with the reason filed for it. */
    record Totals(int failures, int conflicts, Map<RecordRef, String> failed) {
        Totals {
            failed = Map.copyOf(failed);
        }
    }

    private final TransactionTemplate transaction;
    private final RecordLinkRepository links;
    private final FieldSnapshotRepository snapshots;
    private final ConflictRepository conflicts;
    private final WriteAuditRepository audit;
    private final DeadLetterRepository deadLetters;
    private final DeadLetterFiling filing;
    private final SyncCursorRepository cursors;
    private final StageCommit stages;
    private final SyncMetrics metrics;

    PageCommit(TransactionTemplate transaction, RecordLinkRepository links, FieldSnapshotRepository snapshots,
               ConflictRepository conflicts, WriteAuditRepository audit, DeadLetterRepository deadLetters,
               SyncCursorRepository cursors, DeadLetterFiling filing, StageCommit stages, SyncMetrics metrics) {
        this.stages = stages;
        this.metrics = metrics;
        this.transaction = transaction;
        this.links = links;
        this.snapshots = snapshots;
        this.conflicts = conflicts;
        this.audit = audit;
        this.deadLetters = deadLetters;
        this.cursors = cursors;
        this.filing = filing;
    }

    /**
     * Commits a page; the stream's cursor moves to {@code cursor} when one is given. A resync of
     * chosen records ({@link RecordResync}) passes none: it was not read from the stream.
     */
    Totals commit(String stream, List<Done> page, Optional<SyncCursor> cursor, List<Runnable> beforeCommit) {
        List<WriteAudit> committed = new ArrayList<>();
        Totals totals = transaction.execute(status -> {
            beforeCommit.forEach(Runnable::run);
            int failures = 0;
            int conflictCount = 0;
            List<WriteAudit> audits = new ArrayList<>();
            Map<RecordRef, String> failed = new LinkedHashMap<>();
            // Read once per page so the usual page, with no dead letter open, costs no lookup per pair.
            boolean deadLettersOpen = deadLetters.countUnresolved() > 0;
            for (Done done : page) {
                int failuresBefore = failures;
                Optional<RecordLink> link = link(done);
                Optional<Long> linkId = link.map(RecordLink::id);
                if (link.isPresent() && !holdsThisPair(link.get(), done)) {
                    // The store already pairs one of these records with someone else (a duplicate
                    // the write ran into): keep both snapshots and let an operator look.
                    failures += file(failed, new RecordFailure(done.pair().source(), stream, Optional.empty(),
                            "IDENTITY_CONFLICT", "IDENTITY_CONFLICT: " + describe(done) + " but the store links "
                                    + link.get().hubspotId().orElse("-") + " with " + link.get().salesforceId().orElse("-"),
                            CrmException.Kind.RECORD.name(), Optional.empty()));
                    linkId = Optional.empty();
                } else if (linkId.isPresent() && done.allSucceeded()) {
                    snapshots.replace(linkId.get(), Side.HUBSPOT, done.plan().newSnapshot().hubspot());
                    snapshots.replace(linkId.get(), Side.SALESFORCE, done.plan().newSnapshot().salesforce());
                }
                if (linkId.isPresent() && done.lifecycle().isPresent()) {
                    stages.commit(linkId.get(), done, done.lifecycle().get());
                }
                for (Conflict c : done.plan().conflicts()) {
                    if (linkId.isPresent()) {
                        conflicts.add(io.baton.store.Conflict.of(linkId.get(), c.hubspotField() + "/" + c.salesforceField(),
                                c.baseValue(), c.hubspotValue(), c.salesforceValue(), c.rule().kebabName(),
                                Optional.of(c.winner())));
                    }
                    conflictCount++;
                }
                for (Optional<Sent> sent : List.of(done.toHubspot(), done.toSalesforce())) {
                    if (sent.isPresent()) {
                        audits.add(audit(sent.get(), linkId));
                        if (!sent.get().result().succeeded()) {
                            failures += file(failed, failure(stream, done.pair().source(), sent.get()));
                        }
                    }
                }
                List<RecordIssue> errors = done.plan().issues().stream().filter(RecordIssue::isError).toList();
                if (!errors.isEmpty()) {
                    failures += file(failed, new RecordFailure(done.pair().source(), stream, Optional.empty(),
                            "MAPPING_ERROR", "MAPPING_ERROR: " + errors.stream().map(RecordIssue::toString)
                                    .collect(Collectors.joining("; ")) + " (" + done.pair().source() + ")",
                            CrmException.Kind.RECORD.name(), Optional.empty()));
                }
                if (deadLettersOpen && failures == failuresBefore && linkId.isPresent()) {
                    // Synced now (the data was fixed at the source): its dead letter is no longer open.
                    deadLetters.findOpen(done.pair().source(), stream).ifPresent(d -> deadLetters.markReplayed(d.id()));
                }
            }
            audit.addAll(audits);
            cursor.ifPresent(c -> cursors.commit(stream, c));
            committed.addAll(audits);
            return new Totals(failures, conflictCount, failed);
        });
        // Counted once committed: a page rolled back is read and written again, and counted then.
        metrics.synced(committed);
        return totals;
    }

    /** Files one failure and keeps its reason for the caller's per-record answer; counts 1. */
    private int file(Map<RecordRef, String> failed, RecordFailure failure) {
        filing.file(failure);
        failed.merge(failure.record(), failure.reason(), (a, b) -> a + "; " + b);
        return 1;
    }

    /** The pair's link, created for a new pair once both sides are known; empty while one is missing. */
    private Optional<RecordLink> link(Done done) {
        Optional<String> hubspotId = hubspotIdOf(done);
        Optional<RecordRef> salesforce = done.pair().salesforce().map(CrmRecord::ref)
                .or(() -> createdId(done.toSalesforce()).map(id -> RecordRef.salesforce(done.pair().type().apiName(), id)));
        if (hubspotId.isEmpty() || salesforce.isEmpty()) {
            return done.pair().link();
        }
        Optional<String> email = done.pair().hubspot().flatMap(r -> r.value("email"))
                .or(() -> done.pair().salesforce().flatMap(r -> r.value("Email")));
        Optional<RecordLink> known = done.pair().link()
                .filter(l -> l.hubspotId().equals(hubspotId) && l.salesforceId().equals(salesforce.map(RecordRef::id)));
        RecordLink link = known.orElseGet(() -> links.saveOrGet(new NewRecordLink(hubspotId, salesforce, email)));
        email.ifPresent(e -> {
            if (!link.email().equals(NewRecordLink.normaliseEmail(e))) {
                links.updateEmail(link.id(), e);
            }
        });
        return Optional.of(link);
    }

    private static boolean holdsThisPair(RecordLink link, Done done) {
        return hubspotIdOf(done).map(id -> link.hubspotId().equals(Optional.of(id))).orElse(true)
                && salesforceIdOf(done).map(id -> link.salesforceId().equals(Optional.of(id))).orElse(true);
    }

    private static Optional<String> hubspotIdOf(Done done) {
        return done.pair().hubspot().map(r -> r.ref().id()).or(() -> createdId(done.toHubspot()));
    }

    private static Optional<String> salesforceIdOf(Done done) {
        return done.pair().salesforce().map(r -> r.ref().id()).or(() -> createdId(done.toSalesforce()));
    }

    private static String describe(Done done) {
        return "HubSpot " + hubspotIdOf(done).orElse("(new)") + " and Salesforce " + salesforceIdOf(done).orElse("(new)")
                + " were synced as one person";
    }

    private static Optional<String> createdId(Optional<Sent> sent) {
        return sent.filter(s -> s.write().isCreate()).flatMap(s -> s.result().id());
    }

    private static WriteAudit audit(Sent sent, Optional<Long> linkId) {
        RecordWrite w = sent.write();
        WriteResult r = sent.result();
        return WriteAudit.of(w.side(), w.type(), r.id().or(w::id), linkId,
                w.isCreate() ? WriteOperation.UPSERT : WriteOperation.UPDATE, List.copyOf(w.fields().keySet()),
                r.succeeded() ? WriteOutcome.SUCCEEDED : WriteOutcome.FAILED,
                r.failure().map(f -> f.code() + ": " + f.message()));
    }

    private static RecordFailure failure(String stream, RecordRef source, Sent sent) {
        WriteResult.Failure f = sent.result().failure().orElseThrow();
        return new RecordFailure(source, stream, Optional.of(sent.write().side() + " " + sent.write().type() + " "
                + sent.write().fields()), f.code(), f.code() + ": " + f.message() + " (" + source + " → "
                + sent.write().side().name().toLowerCase() + ":" + sent.write().type() + ":"
                + sent.write().id().orElse("new") + ")", f.kind().name(), Optional.empty());
    }
}
