package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.SyncCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

interface SyncCursorContract extends StoreFixture {

    default SyncCursorRepository cursors() {
        return new SyncCursorRepository(jdbc(), clock());
    }

    @Test
    default void streamWithoutCommitHasNoCursor() {
        assertThat(cursors().find("hubspot:contacts")).isEmpty();
    }

    @Test
    default void cursorRoundTripsAtMillisecondPrecision() {
        SyncCursor cursor = new SyncCursor(Instant.parse("2026-03-02T08:59:59.123Z"), "00Q5g00000AbCdEFGH");
        cursors().commit("salesforce:Lead", cursor);

        assertThat(cursors().find("salesforce:Lead")).contains(cursor);
    }

    @Test
    default void subMillisecondPartIsTruncatedNotRounded() {
        cursors().commit("hubspot:contacts", new SyncCursor(Instant.parse("2026-03-02T08:59:59.123999999Z"), "7"));

        assertThat(cursors().find("hubspot:contacts"))
                .contains(new SyncCursor(Instant.parse("2026-03-02T08:59:59.123Z"), "7"));
    }

    @Test
    default void cursorNeverMovesBackwards() {
        Instant t = Instant.parse("2026-03-02T08:00:00.500Z");
        cursors().commit("s", new SyncCursor(t, "m"));

        cursors().commit("s", new SyncCursor(t.minusMillis(1), "z"));
        assertThat(cursors().find("s")).contains(new SyncCursor(t, "m"));
        cursors().commit("s", new SyncCursor(t, "a"));
        assertThat(cursors().find("s")).contains(new SyncCursor(t, "m"));

        cursors().commit("s", new SyncCursor(t, "n"));
        assertThat(cursors().find("s")).contains(new SyncCursor(t, "n"));
        cursors().commit("s", new SyncCursor(t.plusMillis(1), "a"));
        assertThat(cursors().find("s")).contains(new SyncCursor(t.plusMillis(1), "a"));
    }

    @Test
    default void numericHubSpotIdsInOneMillisecondAdvanceAsNumbers() {
        Instant t = Instant.parse("2026-03-02T08:00:00Z");
        cursors().commit("hubspot:contacts", new SyncCursor(t, "9"));
        cursors().commit("hubspot:contacts", new SyncCursor(t, "10"));
        assertThat(cursors().find("hubspot:contacts")).contains(new SyncCursor(t, "10"));

        cursors().commit("hubspot:contacts", new SyncCursor(t, "9"));
        assertThat(cursors().find("hubspot:contacts")).contains(new SyncCursor(t, "10"));
    }

    @Test
    default void idsCompareByJavaOrderNotDatabaseCollation() {
        Instant t = Instant.parse("2026-03-02T08:00:00Z");
        // Java orders upper case before lower case; a locale collation would say "a" < "B".
        cursors().commit("s", new SyncCursor(t, "B"));
        cursors().commit("s", new SyncCursor(t, "a"));
        assertThat(cursors().find("s")).contains(new SyncCursor(t, "a"));

        cursors().commit("s", new SyncCursor(t, "B"));
        assertThat(cursors().find("s")).contains(new SyncCursor(t, "a"));
    }

    @Test
    default void manyRecordsSharingOneMillisecondAreResumedWithoutSkipOrRepeat() {
        Instant sameMs = Instant.parse("2026-03-02T08:30:00.007Z");
        List<String> ids = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 60; i++) {
            ids.add("00Q" + Integer.toString(random.nextInt(1 << 30), 36) + (char) ('A' + random.nextInt(52) % 26));
        }
        ids.sort(SyncCursor.ID_ORDER);

        for (int committed = 0; committed < ids.size(); committed += 7) {
            cursors().commit("salesforce:Lead", new SyncCursor(sameMs, ids.get(committed)));
            SyncCursor resumed = cursors().find("salesforce:Lead").orElseThrow();
            List<String> stillToRead = ids.stream().filter(id -> resumed.isBefore(sameMs, id)).toList();

            assertThat(stillToRead).isEqualTo(ids.subList(committed + 1, ids.size()));
        }
    }

    @Test
    default void streamsKeepTheirOwnCursors() {
        cursors().commit("hubspot:contacts", new SyncCursor(Instant.parse("2026-03-01T00:00:00Z"), "1"));
        cursors().commit("salesforce:Lead", new SyncCursor(Instant.parse("2026-03-02T00:00:00Z"), "00Q"));

        assertThat(cursors().findAll()).containsOnlyKeys("hubspot:contacts", "salesforce:Lead");
        assertThat(cursors().find("hubspot:contacts").orElseThrow().id()).isEqualTo("1");
    }

    @RepeatedTest(5)
    default void concurrentCommitsKeepOneRowAndTheFurthestCursor() throws Exception {
        Instant base = Instant.parse("2026-03-02T08:00:00Z");
        Concurrently.run(6, i -> {
            for (int step = 0; step < 5; step++) {
                cursors().commit("hubspot:contacts", new SyncCursor(base.plusMillis(step), "id" + i));
            }
            return null;
        });

        assertThat(jdbc().sql("SELECT COUNT(*) FROM sync_cursor").query(Long.class).single()).isOne();
        assertThat(cursors().find("hubspot:contacts")).contains(new SyncCursor(base.plusMillis(4), "id5"));
        jdbc().sql("DELETE FROM sync_cursor").update();
    }

    @RepeatedTest(3)
    default void concurrentCommitsInsideTransactionsKeepOneRowAndTheFurthestCursor() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        Instant base = Instant.parse("2026-03-02T08:00:00Z");
        Concurrently.run(4, i -> {
            for (int step = 0; step < 3; step++) {
                int s = step;
                tx.executeWithoutResult(status ->
                        cursors().commit("salesforce:Lead", new SyncCursor(base.plusMillis(s), "00Q" + i)));
            }
            return null;
        });

        assertThat(jdbc().sql("SELECT COUNT(*) FROM sync_cursor").query(Long.class).single()).isOne();
        assertThat(cursors().find("salesforce:Lead")).contains(new SyncCursor(base.plusMillis(2), "00Q3"));
        jdbc().sql("DELETE FROM sync_cursor").update();
    }

    @Test
    default void resetAllSendsEveryStreamBackToItsBeginning() {
        cursors().commit("a", new SyncCursor(Instant.parse("2026-03-01T00:00:00Z"), "1"));
        cursors().commit("b", new SyncCursor(Instant.parse("2026-03-01T00:00:00Z"), "2"));

        assertThat(cursors().resetAll()).isEqualTo(2);
        assertThat(cursors().findAll()).isEmpty();
        cursors().commit("a", new SyncCursor(Instant.parse("2026-01-01T00:00:00Z"), "0"));
        assertThat(cursors().find("a")).contains(new SyncCursor(Instant.parse("2026-01-01T00:00:00Z"), "0"));
    }
}
