package io.baton.sync;

import io.baton.core.record.CrmException;
import io.baton.core.record.RetryBackoff;
import io.baton.store.DeadLetter;
import io.baton.store.DeadLetterRepository;
import io.baton.store.DeadLetterStatus;
import io.baton.store.RecordFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Files a record's failure as its dead letter and decides what happens next, in one place: a
 * RETRIABLE failure is tried again after the backoff's delay for its attempt count, and PARKED once
 * the attempts are spent; any other class waits, with no automatic attempt, for the record's next
 * change or an operator's replay.
 */
final class DeadLetterFiling {

    private final DeadLetterRepository deadLetters;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final SyncMetrics metrics;

    DeadLetterFiling(DeadLetterRepository deadLetters, RetryBackoff backoff, Clock clock) {
        this(deadLetters, backoff, clock, SyncMetrics.NONE);
    }

    DeadLetterFiling(DeadLetterRepository deadLetters, RetryBackoff backoff, Clock clock, SyncMetrics metrics) {
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.backoff = backoff;
        this.clock = clock;
    }

    DeadLetter file(RecordFailure failure) {
        DeadLetter letter = deadLetters.add(failure);
        metrics.deadLetterFiled(letter.errorCategory());
        DeadLetterStatus status = DeadLetterStatus.OPEN;
        Optional<java.time.Instant> next = Optional.empty();
        if (CrmException.Kind.RETRIABLE.name().equals(letter.errorCategory())) {
            Optional<Duration> delay = backoff.delayAfter(letter.attempts());
            next = delay.map(clock.instant()::plus);
            status = delay.isPresent() ? DeadLetterStatus.OPEN : DeadLetterStatus.PARKED;
        }
        if (status != letter.status() || !next.equals(letter.nextAttemptAt())) {
            deadLetters.reschedule(letter.id(), status, next);
            return deadLetters.find(letter.id()).orElseThrow();
        }
        return letter;
    }
}
