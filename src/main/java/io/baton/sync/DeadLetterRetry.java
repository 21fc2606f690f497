package io.baton.sync;

import io.baton.core.record.CrmException;
import io.baton.store.DeadLetter;
import io.baton.store.DeadLetterRepository;
import io.baton.store.DeadLetterStatus;
import io.baton.store.RecordFailure;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries dead letters again through {@link RecordResync}: on a timer the ones whose retry time has
 * come ({@code routes/dead-letter-retry.yaml}), and on an operator's word one or all of them,
 * parked ones included. A letter whose record now syncs is closed as REPLAYED; one that fails again
 * has the attempt counted by the page commit, which reschedules or parks it; a record that is gone
 * or no longer synced gets that attempt on its letter, with no automatic retry.
 */
public class DeadLetterRetry {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRetry.class);
    private static final String LAST_REPLAY = " — last replay: ";

    /** One replayed letter and what became of its record. */
    public record Replayed(DeadLetter letter, RecordResync.Outcome outcome) {
    }

    private final DeadLetterRepository deadLetters;
    private final DeadLetterFiling filing;
    private final RecordResync resync;
    private final int batchSize;

    DeadLetterRetry(DeadLetterRepository deadLetters, DeadLetterFiling filing, RecordResync resync, int batchSize) {
        this.deadLetters = deadLetters;
        this.filing = filing;
        this.resync = resync;
        this.batchSize = batchSize;
    }

    /** The timer's call: one batch of due letters; returns how many were tried. */
    public int retryDue() {
        List<DeadLetter> due = deadLetters.dueForRetry(batchSize);
        if (due.isEmpty()) {
            return 0;
        }
        try {
            Map<RecordResync.Status, Integer> counts = counts(replay(due));
            LOG.info("dead letters: {} due retried, {}", due.size(), counts);
        } catch (CrmException e) {
            // The whole batch could not run (an outage, a rate limit): nothing was committed, so the
            // letters are still due and the next tick tries them again.
            LOG.warn("dead letters: retry of {} due letters put off: {}", due.size(), e.getMessage());
        }
        return due.size();
    }

    /** Replays one letter now, whatever its retry time; empty when no letter has this id. */
    public Optional<Replayed> replay(long id) {
        return deadLetters.find(id).map(letter -> letter.status().isUnresolved() ? replay(List.of(letter)).get(0)
                : new Replayed(letter, new RecordResync.Outcome(String.valueOf(id), Optional.of(letter.record()),
                        RecordResync.Status.SKIPPED, Optional.of("the letter is already " + letter.status()))));
    }

    /** Replays every unresolved letter in these statuses (OPEN and PARKED when empty), optionally of one class. */
    public Map<RecordResync.Status, Integer> replayAll(Set<DeadLetterStatus> statuses, Optional<String> errorCategory) {
        Map<RecordResync.Status, Integer> total = counts(List.of());
        long after = 0;
        while (true) {
            List<DeadLetter> batch = deadLetters.unresolvedAfter(after, statuses, errorCategory, batchSize);
            if (batch.isEmpty()) {
                return total;
            }
            counts(replay(batch)).forEach((status, n) -> total.merge(status, n, Integer::sum));
            after = batch.get(batch.size() - 1).id();
        }
    }

    private List<Replayed> replay(List<DeadLetter> letters) {
        List<RecordResync.Target> targets = new ArrayList<>();
        for (DeadLetter letter : letters) {
            targets.add(new RecordResync.Target(String.valueOf(letter.id()), letter.record(), letter.stream()));
        }
        List<RecordResync.Outcome> outcomes = resync.resync(targets);
        List<Replayed> out = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
            out.add(new Replayed(settle(letters.get(i), outcomes.get(i)), outcomes.get(i)));
        }
        return out;
    }

    /** Brings the letter in line with its record's outcome; the page commit already filed a FAILED one. */
    private DeadLetter settle(DeadLetter letter, RecordResync.Outcome outcome) {
        switch (outcome.status()) {
            case SYNCED -> deadLetters.markReplayed(letter.id());
            // Counted as an attempt, as a record error (no automatic retry of a record that is gone
            // or not synced by design), keeping the first cause in view for the operator.
            case NOT_FOUND, SKIPPED -> filing.file(new RecordFailure(letter.record(), letter.stream(), letter.payload(),
                    letter.errorCode().orElse(outcome.status().name()), firstCause(letter.reason()) + LAST_REPLAY
                            + outcome.status() + ": " + outcome.reason().orElse(""),
                    CrmException.Kind.RECORD.name(), Optional.empty()));
            case FAILED -> { }
        }
        return deadLetters.find(letter.id()).orElse(letter);
    }

    private static String firstCause(String reason) {
        int replayNote = reason.indexOf(LAST_REPLAY);
        return replayNote < 0 ? reason : reason.substring(0, replayNote);
    }

    private static Map<RecordResync.Status, Integer> counts(List<Replayed> replayed) {
        Map<RecordResync.Status, Integer> counts = new EnumMap<>(RecordResync.Status.class);
        for (RecordResync.Status s : RecordResync.Status.values()) {
            counts.put(s, 0);
        }
        replayed.forEach(r -> counts.merge(r.outcome().status(), 1, Integer::sum));
        return counts;
    }

}
