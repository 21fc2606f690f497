package io.baton.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncCursorTest {

    private static final Instant T = Instant.parse("2024-06-01T08:00:05.120Z");

    @Test
    void recordsSharingTheCursorsMillisecondAreReadOnlyPastItsId() {
        SyncCursor cursor = new SyncCursor(T, "0000000105");
        assertThat(cursor.isBefore(T, "0000000104")).isFalse();
        assertThat(cursor.isBefore(T, "0000000105")).isFalse();
        assertThat(cursor.isBefore(T, "0000000106")).isTrue();
        assertThat(cursor.isBefore(T.plusMillis(1), "0000000001")).isTrue();
        assertThat(cursor.isBefore(T.minusMillis(1), "9999999999")).isFalse();
    }

    @Test
    void hubSpotIdsSharingAMillisecondAreOrderedAsNumbersNotAsText() {
        SyncCursor cursor = new SyncCursor(T, "9");
        assertThat(cursor.isBefore(T, "10")).isTrue();
        assertThat(cursor.isBefore(T, "8")).isFalse();
        assertThat(new SyncCursor(T, "10").compareTo(cursor)).isPositive();
    }

    @Test
    void salesforceIdsOfEqualLengthKeepCharacterOrder() {
        SyncCursor cursor = new SyncCursor(T, "00Q5e00000AbCdEAAV");
        assertThat(cursor.isBefore(T, "00Q5e00000AbCdFAAV")).isTrue();
        assertThat(cursor.isBefore(T, "00Q5e00000AbCdDAAV")).isFalse();
    }

    @Test
    void beginningIsBeforeEverything() {
        assertThat(SyncCursor.BEGINNING.isBefore(Instant.EPOCH.plusMillis(1), "")).isTrue();
        assertThat(SyncCursor.BEGINNING.compareTo(new SyncCursor(T, "1"))).isNegative();
    }
}
