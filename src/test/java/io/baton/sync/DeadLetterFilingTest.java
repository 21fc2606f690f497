package io.baton.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.baton.core.record.RecordRef;
import io.baton.core.record.RetryBackoff;
import io.baton.store.DeadLetter;
import io.baton.store.DeadLetterRepository;
import io.baton.store.DeadLetterStatus;
import io.baton.store.RecordFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What happens after a failure is filed: retry later, park, or wait for a fix. */
class DeadLetterFilingTest {

    private static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");

    private final DeadLetterRepository repository = mock(DeadLetterRepository.class);
    private final DeadLetterFiling filing = new DeadLetterFiling(repository,
            new RetryBackoff(Duration.ofMinutes(1), 2.0, Duration.ofHours(1), 3), Clock.fixed(NOW, ZoneOffset.UTC));

    private static RecordFailure failure(String category) {
        return new RecordFailure(RecordRef.hubspotContact("7"), "hubspot:contacts", Optional.empty(), "CODE", "CODE: why",
                category, Optional.empty());
    }

    private void filedAs(String category, int attempts, DeadLetterStatus status) {
        DeadLetter letter = new DeadLetter(1, RecordRef.hubspotContact("7"), "hubspot:contacts", Optional.empty(),
                Optional.of("CODE"), "CODE: why", category, attempts, NOW, NOW, Optional.empty(), status, Optional.empty());
        given(repository.add(any())).willReturn(letter);
        given(repository.find(1)).willReturn(Optional.of(letter));
    }

    @Test
    void aRetriableFailureIsTriedAgainAfterTheBackoffForItsAttempt() {
        filedAs("RETRIABLE", 2, DeadLetterStatus.OPEN);

        filing.file(failure("RETRIABLE"));

        verify(repository).reschedule(1, DeadLetterStatus.OPEN, Optional.of(NOW.plus(Duration.ofMinutes(2))));
    }

    @Test
    void aRetriableFailureIsParkedOnceMaxAttemptsHaveFailed() {
        filedAs("RETRIABLE", 3, DeadLetterStatus.OPEN);

        filing.file(failure("RETRIABLE"));

        verify(repository).reschedule(1, DeadLetterStatus.PARKED, Optional.empty());
    }

    @Test
    void aRecordFailureWaitsWithNoAutomaticAttempt() {
        filedAs("RECORD", 1, DeadLetterStatus.OPEN);

        DeadLetter letter = filing.file(failure("RECORD"));

        assertThat(letter.nextAttemptAt()).isEmpty();
        verify(repository, never()).reschedule(anyLong(), any(), any());
    }

    @Test
    void aRecordFailureOnAParkedLetterOpensItAgainWithoutARetry() {
        filedAs("RECORD", 5, DeadLetterStatus.PARKED);

        filing.file(failure("RECORD"));

        verify(repository).reschedule(1, DeadLetterStatus.OPEN, Optional.empty());
    }
}
