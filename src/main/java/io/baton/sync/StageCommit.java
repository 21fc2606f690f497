package io.baton.sync;

import io.baton.core.lifecycle.LifecycleDecision;
import io.baton.core.lifecycle.Refusal;
import io.baton.core.lifecycle.Transition;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.Side;
import io.baton.core.record.RecordRef;
import io.baton.store.LeakFlagRepository;
import io.baton.store.LifecycleRepository;
import io.baton.store.NewLeakFlag;
import io.baton.store.LifecycleState;
import io.baton.store.StageMove;
import io.baton.store.StageRefusal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lifecycle part of a page's commit, per pair: the move (or first placement) and its audit,
 * refusals, the stage each CRM shows once the writes landed, the owner and the latest activity.
 * Runs inside {@link PageCommit}'s transaction; writes only what changed, so a quiet pass costs
 * no statement.
 */
final class StageCommit {

    /** A pair's lifecycle decision, the state it was made on, and what each side showed before the writes. */
    record StageOutcome(LifecycleDecision decision, Optional<LifecycleState> before, Optional<String> hubspotNow,
                        Optional<String> salesforceNow, Optional<java.time.Instant> movedAt) {
    }

    /**
     * The flag a refused move left in place ({@code backward-moves: flag}) raises, for a person to
     * settle; it closes once that CRM shows something else. Not one of the leak scan's kinds, so the
     * scan leaves it alone.
     */
    static final String BACKWARD_MOVE = "backward-move";

    private final LifecycleRepository lifecycle;
    private final LeakFlagRepository flags;
    private final Function<String, Optional<String>> userEmails;
    private final SyncMetrics metrics;

    StageCommit(LifecycleRepository lifecycle, LeakFlagRepository flags, Function<String, Optional<String>> userEmails,
                SyncMetrics metrics) {
        this.metrics = metrics;
        this.lifecycle = lifecycle;
        this.flags = flags;
        this.userEmails = userEmails;
    }

    void commit(long linkId, PageCommit.Done done, StageOutcome outcome) {
        LifecycleDecision decision = outcome.decision();
        if (decision.stage().isEmpty()) {
            return; // neither CRM shows a stage Baton knows: nothing to place
        }
        Optional<LifecycleState> before = outcome.before();
        if (decision.move().isPresent() || before.isEmpty()) {
            Optional<Transition> move = decision.move();
            Optional<Side> source = move.map(Transition::source);
            lifecycle.move(new StageMove(linkId, decision.stage().get(), decision.reason(), source,
                    source.map(side -> actor(done, side)).orElse("baton"), outcome.movedAt()));
        }
        for (Refusal refusal : decision.refusals()) {
            lifecycle.refuse(new StageRefusal(linkId, refusal.attempted(), refusal.side(), actor(done, refusal.side()),
                    refusal.why()));
        }
        // A side whose write did not land still shows what it showed: remember that, or the next
        // pass would take the failed write's target for a move of its own.
        Optional<String> hubspot = landed(done.toHubspot()) ? decision.hubspotReading() : outcome.hubspotNow();
        Optional<String> salesforce = landed(done.toSalesforce()) ? decision.salesforceReading() : outcome.salesforceNow();
        if (before.isEmpty() || !before.get().hubspotStage().equals(hubspot)
                || !before.get().salesforceStage().equals(salesforce)) {
            lifecycle.rememberReadings(linkId, hubspot, salesforce);
            // Only a pair with a state can carry a backward-move flag: a first placement (the bulk
            // of a backfill) costs no flag lookup.
            if (!decision.flagged() && before.isPresent() && flags.closeOpen(flagged(done), BACKWARD_MOVE)) {
                metrics.flagsClosed(BACKWARD_MOVE, 1);
            }
        }
        if (decision.flagged()) {
            String why = decision.refusals().stream().map(r -> r.side() + ": " + r.why()).reduce((a, b) -> a + "; " + b)
                    .orElse("a move the lifecycle does not allow");
            boolean opened = flags.openIfAbsent(new NewLeakFlag(BACKWARD_MOVE, "lifecycle.backward-moves", flagged(done),
                    Optional.of(linkId), done.pair().salesforce().flatMap(r -> r.value(LifecycleStep.OWNER)),
                    Optional.of("left as the CRM shows it (backward-moves: flag): " + why))).newlyOpened();
            if (opened) {
                metrics.flagsOpened(BACKWARD_MOVE, 1);
            }
        }
        done.pair().salesforce().ifPresent(record -> ownerAndActivity(linkId, record, before));
    }

    /** The record a lifecycle flag is filed on: the HubSpot contact when there is one, as the leak scan does. */
    private static RecordRef flagged(PageCommit.Done done) {
        return done.pair().hubspot().map(CrmRecord::ref).or(() -> done.pair().salesforce().map(CrmRecord::ref))
                .orElse(done.pair().source());
    }

    private void ownerAndActivity(long linkId, CrmRecord record, Optional<LifecycleState> before) {
        record.value(LifecycleStep.OWNER).filter(owner -> !before.flatMap(LifecycleState::ownerId).equals(Optional.of(owner)))
                .ifPresent(owner -> lifecycle.assignOwner(linkId, owner, userEmails.apply(owner)));
        record.value(LifecycleStep.LAST_ACTIVITY).map(StageCommit::startOfDay)
                .filter(at -> before.flatMap(LifecycleState::lastActivityAt).map(known -> known.isBefore(at)).orElse(true))
                .ifPresent(at -> lifecycle.recordActivity(linkId, at));
    }

    private static java.time.Instant startOfDay(String date) {
        // LastActivityDate is a date (B.8): the day's start in UTC is the earliest it can mean.
        return LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean landed(Optional<PageCommit.Sent> sent) {
        return sent.map(s -> s.result().succeeded()).orElse(true);
    }

    /** Who made a move: the Salesforce user who last changed the record, or the CRM's name. */
    private static String actor(PageCommit.Done done, Side side) {
        if (side == Side.SALESFORCE) {
            return done.pair().salesforce().flatMap(r -> r.value(LifecycleStep.LAST_MODIFIED_BY)).orElse("salesforce");
        }
        return "hubspot";
    }
}
