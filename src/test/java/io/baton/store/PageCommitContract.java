package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import io.baton.core.record.SyncCursor;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DESIGN §1: links, snapshots and the cursor of a page are committed in one transaction. The
 * repositories must take part in the caller's Spring transaction, all or nothing.
 */
interface PageCommitContract extends StoreFixture {

    default void commitPage(String hubspotId, Instant cursorTime) {
        RecordLinkRepository links = new RecordLinkRepository(jdbc(), clock());
        long link = links.saveOrGet(NewRecordLink.of(hubspotId, RecordRef.salesforce("Lead", "00Q" + hubspotId),
                hubspotId + "@x.io")).id();
        new FieldSnapshotRepository(jdbc(), clock()).replace(link, Side.HUBSPOT, Map.of("email", hubspotId + "@x.io"));
        new SyncCursorRepository(jdbc(), clock()).commit("hubspot:contacts", new SyncCursor(cursorTime, hubspotId));
    }

    @Test
    default void pageCommittedInOneTransactionIsAllThere() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        tx.executeWithoutResult(status -> commitPage("42", Instant.parse("2026-03-02T08:00:00Z")));

        long link = new RecordLinkRepository(jdbc(), clock()).findByHubSpotId("42").orElseThrow().id();
        assertThat(new FieldSnapshotRepository(jdbc(), clock()).read(link, Side.HUBSPOT)).containsEntry("email", "42@x.io");
        assertThat(new SyncCursorRepository(jdbc(), clock()).find("hubspot:contacts")).isPresent();
    }

    @Test
    default void pageRolledBackLeavesNoLinkSnapshotOrCursor() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            commitPage("42", Instant.parse("2026-03-02T08:00:00Z"));
            throw new IllegalStateException("crash before commit");
        })).hasMessage("crash before commit");

        assertThat(new RecordLinkRepository(jdbc(), clock()).findByHubSpotId("42")).isEmpty();
        assertThat(jdbc().sql("SELECT COUNT(*) FROM field_snapshot").query(Long.class).single()).isZero();
        assertThat(new SyncCursorRepository(jdbc(), clock()).find("hubspot:contacts")).isEmpty();
    }

    @Test
    default void replayedPageCreatesNothingTwice() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        Instant t = Instant.parse("2026-03-02T08:00:00Z");
        tx.executeWithoutResult(status -> commitPage("42", t));
        tx.executeWithoutResult(status -> commitPage("42", t));

        assertThat(jdbc().sql("SELECT COUNT(*) FROM record_link").query(Long.class).single()).isOne();
        assertThat(jdbc().sql("SELECT COUNT(*) FROM field_snapshot").query(Long.class).single()).isOne();
        assertThat(new SyncCursorRepository(jdbc(), clock()).find("hubspot:contacts")).contains(new SyncCursor(t, "42"));
    }
}
