package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.RecordRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

interface DeadLetterContract extends StoreFixture {

    default DeadLetterRepository deadLetters() {
        return new DeadLetterRepository(jdbc(), clock());
    }

    default RecordFailure failure(String contactId, String reason, Optional<Instant> next) {
        return new RecordFailure(RecordRef.hubspotContact(contactId), "hubspot:contacts", Optional.of("{\"email\":\"x\"}"),
                "INVALID_EMAIL", reason, "RECORD", next);
    }

    default RecordFailure retriable(String contactId) {
        return new RecordFailure(RecordRef.hubspotContact(contactId), "hubspot:contacts", Optional.empty(),
                "UNABLE_TO_LOCK_ROW", "UNABLE_TO_LOCK_ROW: unable to obtain exclusive access", "RETRIABLE", Optional.empty());
    }

    @Test
    default void firstFailureOpensADeadLetter() {
        DeadLetter letter = deadLetters().add(failure("1", "INVALID_EMAIL_ADDRESS", Optional.empty()));

        assertThat(letter.status()).isEqualTo(DeadLetterStatus.OPEN);
        assertThat(letter.attempts()).isOne();
        assertThat(letter.record()).isEqualTo(RecordRef.hubspotContact("1"));
        assertThat(letter.payload()).contains("{\"email\":\"x\"}");
        assertThat(letter.firstFailedAt()).isEqualTo(StoreContractTest.START);
        assertThat(deadLetters().countOpen()).isOne();
        assertThat(deadLetters().find(letter.id())).contains(letter);
    }

    @Test
    default void repeatedFailureCountsAttemptsOnTheSameOpenLetter() {
        DeadLetter first = deadLetters().add(failure("1", "first", Optional.empty()));
        clock().advance(Duration.ofMinutes(10));
        DeadLetter second = deadLetters().add(failure("1", "second", Optional.of(StoreContractTest.START.plusSeconds(3600))));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.reason()).isEqualTo("second");
        assertThat(second.firstFailedAt()).isEqualTo(StoreContractTest.START);
        assertThat(second.lastFailedAt()).isEqualTo(StoreContractTest.START.plus(Duration.ofMinutes(10)));
        assertThat(deadLetters().countOpen()).isOne();
    }

    @Test
    default void replayedLetterIsClosedAndALaterFailureOpensANewOne() {
        DeadLetter letter = deadLetters().add(failure("1", "boom", Optional.empty()));

        assertThat(deadLetters().markReplayed(letter.id())).isTrue();
        assertThat(deadLetters().markReplayed(letter.id())).isFalse();
        DeadLetter replayed = deadLetters().find(letter.id()).orElseThrow();
        assertThat(replayed.status()).isEqualTo(DeadLetterStatus.REPLAYED);
        assertThat(replayed.resolvedAt()).contains(StoreContractTest.START);
        assertThat(deadLetters().countOpen()).isZero();

        DeadLetter again = deadLetters().add(failure("1", "boom again", Optional.empty()));
        assertThat(again.id()).isNotEqualTo(letter.id());
        assertThat(again.attempts()).isOne();
    }

    @Test
    default void discardedLettersLeaveTheOpenList() {
        DeadLetter keep = deadLetters().add(failure("1", "a", Optional.empty()));
        clock().advance(Duration.ofSeconds(1));
        DeadLetter drop = deadLetters().add(failure("2", "b", Optional.empty()));

        assertThat(deadLetters().discard(drop.id())).isTrue();

        assertThat(deadLetters().listOpen(10)).extracting(DeadLetter::id).containsExactly(keep.id());
        assertThat(deadLetters().find(drop.id()).orElseThrow().status()).isEqualTo(DeadLetterStatus.DISCARDED);
    }

    @Test
    default void onlyOpenLettersWhoseRetryTimeHasComeAreDue() {
        Instant now = StoreContractTest.START;
        DeadLetter overdue = deadLetters().add(failure("1", "a", Optional.of(now.minusSeconds(60))));
        DeadLetter dueNow = deadLetters().add(failure("2", "b", Optional.of(now)));
        deadLetters().add(failure("3", "c", Optional.of(now.plusSeconds(60))));
        deadLetters().add(failure("4", "d", Optional.empty()));
        DeadLetter replayed = deadLetters().add(failure("5", "e", Optional.of(now.minusSeconds(120))));
        deadLetters().markReplayed(replayed.id());

        assertThat(deadLetters().dueForRetry(10)).extracting(DeadLetter::id).containsExactly(overdue.id(), dueNow.id());
        clock().advance(Duration.ofSeconds(60));
        assertThat(deadLetters().dueForRetry(10)).hasSize(3);
        assertThat(deadLetters().dueForRetry(1)).extracting(DeadLetter::id).containsExactly(overdue.id());
    }

    @RepeatedTest(3)
    default void concurrentFailuresOfOneRecordShareOneOpenLetter() throws Exception {
        Set<Long> ids = Concurrently.run(5, i -> deadLetters().add(failure("race", "r" + i, Optional.empty())).id())
                .stream().collect(Collectors.toSet());

        assertThat(ids).hasSize(1);
        assertThat(deadLetters().countOpen()).isOne();
        assertThat(deadLetters().find(ids.iterator().next()).orElseThrow().attempts()).isEqualTo(5);
        jdbc().sql("DELETE FROM dead_letter").update();
    }

    @Test
    default void aLetterKeepsTheApisErrorCode() {
        DeadLetter letter = deadLetters().add(failure("1", "INVALID_EMAIL: Email address x is invalid", Optional.empty()));

        assertThat(letter.errorCode()).contains("INVALID_EMAIL");
        assertThat(letter.errorCategory()).isEqualTo("RECORD");
    }

    @Test
    default void aParkedLetterIsStillTheRecordsLetterButNeverDue() {
        DeadLetter letter = deadLetters().add(retriable("1"));
        assertThat(deadLetters().reschedule(letter.id(), DeadLetterStatus.PARKED, Optional.empty())).isTrue();

        DeadLetter again = deadLetters().add(retriable("1"));

        assertThat(again.id()).isEqualTo(letter.id());
        assertThat(again.status()).isEqualTo(DeadLetterStatus.PARKED);
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(deadLetters().dueForRetry(10)).isEmpty();
        assertThat(deadLetters().countOpen()).isZero();
        assertThat(deadLetters().countUnresolved()).isOne();
        assertThat(deadLetters().markReplayed(letter.id())).isTrue();
        assertThat(deadLetters().countUnresolved()).isZero();
        assertThat(deadLetters().reschedule(letter.id(), DeadLetterStatus.OPEN, Optional.empty()))
                .as("a resolved letter is not rescheduled").isFalse();
    }

    @Test
    default void rescheduledLetterIsDueAtItsNewTime() {
        DeadLetter letter = deadLetters().add(retriable("1"));
        Instant later = StoreContractTest.START.plusSeconds(120);

        deadLetters().reschedule(letter.id(), DeadLetterStatus.OPEN, Optional.of(later));

        assertThat(deadLetters().find(letter.id()).orElseThrow().nextAttemptAt()).contains(later);
        assertThat(deadLetters().dueForRetry(10)).isEmpty();
        clock().advance(Duration.ofSeconds(120));
        assertThat(deadLetters().dueForRetry(10)).extracting(DeadLetter::id).containsExactly(letter.id());
    }

    @Test
    default void listingFiltersByStatusAndClassAndPagesWithATotal() {
        for (int i = 1; i <= 5; i++) {
            deadLetters().add(failure(String.valueOf(i), "bad " + i, Optional.empty()));
            clock().advance(Duration.ofSeconds(1));
        }
        DeadLetter parked = deadLetters().add(retriable("6"));
        deadLetters().reschedule(parked.id(), DeadLetterStatus.PARKED, Optional.empty());
        deadLetters().discard(deadLetters().findOpen(RecordRef.hubspotContact("1"), "hubspot:contacts").orElseThrow().id());

        DeadLetter.Page open = deadLetters().list(Set.of(DeadLetterStatus.OPEN), Optional.empty(), 1, 3);
        assertThat(open.total()).isEqualTo(4);
        assertThat(open.letters()).extracting(d -> d.record().id()).containsExactly("5");
        assertThat(deadLetters().list(Set.of(DeadLetterStatus.OPEN, DeadLetterStatus.PARKED), Optional.of("RETRIABLE"), 0, 10)
                .letters()).extracting(DeadLetter::id).containsExactly(parked.id());
        assertThat(deadLetters().list(Set.of(), Optional.empty(), 0, 10).total()).isEqualTo(6);
        assertThat(deadLetters().countOpenByCategory()).containsExactly(java.util.Map.entry("RECORD", 4L));
    }

    @Test
    default void unresolvedLettersAreWalkedInIdOrderABatchAtATime() {
        DeadLetter a = deadLetters().add(failure("1", "a", Optional.empty()));
        DeadLetter b = deadLetters().add(retriable("2"));
        DeadLetter c = deadLetters().add(failure("3", "c", Optional.empty()));
        deadLetters().reschedule(b.id(), DeadLetterStatus.PARKED, Optional.empty());

        assertThat(deadLetters().unresolvedAfter(0, Set.of(), Optional.empty(), 2)).extracting(DeadLetter::id)
                .containsExactly(a.id(), b.id());
        assertThat(deadLetters().unresolvedAfter(b.id(), Set.of(), Optional.empty(), 2)).extracting(DeadLetter::id)
                .containsExactly(c.id());
        assertThat(deadLetters().unresolvedAfter(0, Set.of(DeadLetterStatus.PARKED), Optional.empty(), 10))
                .extracting(DeadLetter::id).containsExactly(b.id());
    }

    @Test
    default void lettersAfterAnIdAreWalkedInIdOrderInAnyStatus() {
        DeadLetter first = deadLetters().add(failure("1", "a", Optional.empty()));
        DeadLetter second = deadLetters().add(failure("2", "b", Optional.empty()));
        DeadLetter third = deadLetters().add(failure("3", "c", Optional.empty()));
        deadLetters().markReplayed(second.id());

        assertThat(deadLetters().after(0, Set.of(), Optional.empty(), 2)).extracting(DeadLetter::id)
                .containsExactly(first.id(), second.id());
        assertThat(deadLetters().after(first.id(), Set.of(DeadLetterStatus.REPLAYED), Optional.empty(), 10))
                .extracting(DeadLetter::id).containsExactly(second.id());
        assertThat(deadLetters().after(second.id(), Set.of(), Optional.of("RECORD"), 10)).extracting(DeadLetter::id)
                .containsExactly(third.id());
    }

    @Test
    default void lettersFailedSinceIncludeNewOnesAndOldOnesThatFailedAgain() {
        DeadLetter old = deadLetters().add(failure("1", "first", Optional.empty()));
        deadLetters().add(failure("2", "quiet", Optional.empty()));
        clock().advance(Duration.ofMinutes(1));
        Instant since = clock().instant();
        deadLetters().add(failure("1", "again", Optional.empty()));
        DeadLetter fresh = deadLetters().add(failure("3", "new", Optional.empty()));

        assertThat(deadLetters().failedSince(since)).extracting(DeadLetter::id).containsExactly(old.id(), fresh.id());
    }

    @Test
    default void unresolvedLettersAreCountedPerErrorClassWithTheRecordsTheyConcern() {
        deadLetters().add(failure("1", "a", Optional.empty()));
        deadLetters().add(failure("2", "b", Optional.empty()));
        // The same record failing on a second stream: another letter, not another record.
        deadLetters().add(new RecordFailure(RecordRef.hubspotContact("2"), "salesforce:Lead", Optional.empty(),
                "INVALID_EMAIL", "b again", "RECORD", Optional.empty()));
        DeadLetter parked = deadLetters().add(retriable("3"));
        deadLetters().reschedule(parked.id(), DeadLetterStatus.PARKED, Optional.empty());
        DeadLetter replayed = deadLetters().add(retriable("4"));
        deadLetters().markReplayed(replayed.id());
        DeadLetter discarded = deadLetters().add(failure("5", "e", Optional.empty()));
        deadLetters().discard(discarded.id());

        assertThat(deadLetters().countUnresolvedByClass()).containsExactly(
                new DeadLetter.ClassCount("RECORD", 3, 0, 2),
                new DeadLetter.ClassCount("RETRIABLE", 0, 1, 1));
        assertThat(deadLetters().countUnresolvedByClass().get(0).letters()).isEqualTo(3);
    }

    @Test
    default void noUnresolvedLettersMeansNoClasses() {
        DeadLetter letter = deadLetters().add(failure("1", "a", Optional.empty()));
        deadLetters().markReplayed(letter.id());

        assertThat(deadLetters().countUnresolvedByClass()).isEmpty();
    }
}
