package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.RecordRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

interface LeakFlagContract extends StoreFixture {

    default LeakFlagRepository flags() {
        return new LeakFlagRepository(jdbc(), clock());
    }

    default NewLeakFlag leak(String kind, String leadId) {
        return new NewLeakFlag(kind, "mql-untouched", RecordRef.salesforce("Lead", leadId), Optional.empty(),
                Optional.of("005OWNER"), Optional.of("MQL untouched for 26 business hours"));
    }

    @Test
    default void findingIsFlaggedOnceWhileOpen() {
        LeakFlag.Opening first = flags().openIfAbsent(leak("LEAK", "00Q1"));
        clock().advance(Duration.ofHours(1));
        LeakFlag.Opening second = flags().openIfAbsent(leak("LEAK", "00Q1"));

        assertThat(first.newlyOpened()).isTrue();
        assertThat(second.newlyOpened()).isFalse();
        assertThat(second.flag()).isEqualTo(first.flag());
        assertThat(first.flag().openedAt()).isEqualTo(StoreContractTest.START);
        assertThat(first.flag().ownerId()).contains("005OWNER");
        assertThat(flags().listOpen()).hasSize(1);
    }

    @Test
    default void sameRecordCanCarryOneOpenFlagPerKind() {
        flags().openIfAbsent(leak("LEAK", "00Q1"));
        flags().openIfAbsent(leak("STALE", "00Q1"));
        flags().openIfAbsent(leak("STALE", "00Q2"));

        assertThat(flags().listOpen()).hasSize(3);
        assertThat(flags().countOpenByKind()).isEqualTo(Map.of("LEAK", 1L, "STALE", 2L));
    }

    @Test
    default void closedFlagLeavesTheOpenListAndCanBeReopenedLater() {
        LeakFlag flag = flags().openIfAbsent(leak("LEAK", "00Q1")).flag();
        clock().advance(Duration.ofMinutes(30));

        assertThat(flags().closeOpen(RecordRef.salesforce("Lead", "00Q1"), "LEAK")).isTrue();
        assertThat(flags().close(flag.id())).isFalse();
        LeakFlag closed = flags().find(flag.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(LeakFlagStatus.CLOSED);
        assertThat(closed.closedAt()).contains(StoreContractTest.START.plus(Duration.ofMinutes(30)));
        assertThat(flags().listOpen()).isEmpty();
        assertThat(flags().countOpenByKind()).isEmpty();

        LeakFlag.Opening reopened = flags().openIfAbsent(leak("LEAK", "00Q1"));
        assertThat(reopened.newlyOpened()).isTrue();
        assertThat(reopened.flag().id()).isNotEqualTo(flag.id());
    }

    @Test
    default void flagCarriesItsLink() {
        long link = newLink("1");
        LeakFlag flag = flags().openIfAbsent(new NewLeakFlag("LEAK", "sql-no-owner", RecordRef.hubspotContact("1"),
                Optional.of(link), Optional.empty(), Optional.empty())).flag();

        assertThat(flag.linkId()).contains(link);
        assertThat(flag.ownerId()).isEmpty();
        assertThat(flags().findOpen(RecordRef.hubspotContact("1"), "LEAK")).contains(flag);
    }

    @RepeatedTest(3)
    default void concurrentScansOpenExactlyOneFlag() throws Exception {
        List<LeakFlag.Opening> openings = Concurrently.run(5, i -> flags().openIfAbsent(leak("LEAK", "00Qrace")));

        Set<Long> ids = openings.stream().map(o -> o.flag().id()).collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        assertThat(openings.stream().filter(LeakFlag.Opening::newlyOpened)).hasSize(1);
        jdbc().sql("DELETE FROM leak_flag").update();
    }

    default NewLeakFlag finding(String kind, String hubspotId, int level) {
        return new NewLeakFlag(kind, "mql-not-accepted", RecordRef.hubspotContact(hubspotId), Optional.empty(),
                Optional.of("005OWNER"), Optional.empty(), Optional.of(StoreContractTest.START.minus(Duration.ofHours(1))),
                level, Optional.of("mql"), Optional.of("not accepted: no owner change"), Optional.of("rep@example.com"),
                Optional.of(hubspotId), Optional.of(RecordRef.salesforce("Lead", "00Q" + hubspotId)));
    }

    @Test
    default void aFlagKeepsDueLevelStageCauseOwnerAndBothIds() {
        LeakFlag flag = flags().openIfAbsent(finding("mql-not-accepted", "7", 1)).flag();

        assertThat(flag.dueAt()).contains(StoreContractTest.START.minus(Duration.ofHours(1)));
        assertThat(flag.level()).isEqualTo(1);
        assertThat(flag.raisedAt()).isEmpty();
        assertThat(flag.stage()).contains("mql");
        assertThat(flag.cause()).contains("not accepted: no owner change");
        assertThat(flag.ownerEmail()).contains("rep@example.com");
        assertThat(flag.hubspotId()).contains("7");
        assertThat(flag.salesforce()).contains(RecordRef.salesforce("Lead", "00Q7"));
    }

    @Test
    default void aFlagIsRaisedOnceAndOnlyUpwards() {
        LeakFlag flag = flags().openIfAbsent(finding("mql-not-accepted", "7", 1)).flag();
        clock().advance(Duration.ofHours(4));

        assertThat(flags().raise(flag.id(), 2, Optional.of("still not accepted"))).isTrue();
        assertThat(flags().raise(flag.id(), 2, Optional.empty())).isFalse();
        assertThat(flags().raise(flag.id(), 1, Optional.empty())).isFalse();

        LeakFlag raised = flags().find(flag.id()).orElseThrow();
        assertThat(raised.level()).isEqualTo(2);
        assertThat(raised.raisedAt()).contains(StoreContractTest.START.plus(Duration.ofHours(4)));
        assertThat(raised.cause()).contains("still not accepted");
        flags().close(flag.id());
        assertThat(flags().raise(flag.id(), 2, Optional.empty())).as("closed").isFalse();
    }

    @Test
    default void openFlagsArePagedOldestFirstAndFilteredByKind() {
        for (int i = 1; i <= 5; i++) {
            flags().openIfAbsent(finding(i % 2 == 0 ? "stale" : "mql-not-accepted", "" + i, 1));
            clock().advance(Duration.ofMinutes(1));
        }
        flags().closeOpen(RecordRef.hubspotContact("5"), "mql-not-accepted");

        LeakFlag.Page first = flags().listOpen(Optional.empty(), 0, 3);
        LeakFlag.Page second = flags().listOpen(Optional.empty(), 1, 3);
        LeakFlag.Page stale = flags().listOpen(Optional.of("stale"), 0, 10);

        assertThat(first.total()).isEqualTo(4);
        assertThat(first.flags()).extracting(f -> f.record().id()).containsExactly("1", "2", "3");
        assertThat(second.flags()).extracting(f -> f.record().id()).containsExactly("4");
        assertThat(stale.total()).isEqualTo(2);
        assertThat(stale.flags()).extracting(LeakFlag::kind).containsOnly("stale");
        assertThat(flags().countOpenByKind()).isEqualTo(Map.of("mql-not-accepted", 2L, "stale", 2L));
    }

    @Test
    default void openFlagsAreFoundByRecord() {
        flags().openIfAbsent(finding("stale", "1", 1));
        flags().openIfAbsent(finding("unowned", "1", 1));
        flags().openIfAbsent(finding("stale", "2", 1));
        flags().openIfAbsent(leak("stale", "1"));

        assertThat(flags().openOn(List.of(RecordRef.hubspotContact("1"), RecordRef.salesforce("Lead", "9"))))
                .extracting(LeakFlag::kind).containsExactlyInAnyOrder("stale", "unowned");
        assertThat(flags().openOn(List.of(RecordRef.salesforce("Lead", "1"))))
                .extracting(LeakFlag::kind).containsExactly("stale");
    }

    @Test
    default void flagsNoScanSawAgainAreClosedByKind() {
        LeakFlag seen = flags().openIfAbsent(finding("stale", "1", 1)).flag();
        LeakFlag unseen = flags().openIfAbsent(finding("stale", "2", 1)).flag();
        LeakFlag otherKind = flags().openIfAbsent(finding("unowned", "3", 1)).flag();
        clock().advance(Duration.ofMinutes(15));
        var scanStarted = clock().instant();
        flags().markSeen(List.of(seen.id()));

        assertThat(flags().closeUnseen(List.of("stale"), scanStarted)).isEqualTo(1);

        assertThat(flags().find(seen.id()).orElseThrow().status()).isEqualTo(LeakFlagStatus.OPEN);
        assertThat(flags().find(unseen.id()).orElseThrow().status()).isEqualTo(LeakFlagStatus.CLOSED);
        assertThat(flags().find(otherKind.id()).orElseThrow().status()).isEqualTo(LeakFlagStatus.OPEN);
    }

    @Test
    default void flagsOpenedAfterAMarkAreTheNewOnes() {
        flags().openIfAbsent(leak("LEAK", "00Q1"));
        long mark = flags().lastId();
        flags().openIfAbsent(leak("LEAK", "00Q1"));
        LeakFlag.Opening fresh = flags().openIfAbsent(leak("STALE", "00Q2"));

        assertThat(flags().openedAfter(mark)).extracting(LeakFlag::id).containsExactly(fresh.flag().id());
    }
}
