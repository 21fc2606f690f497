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
}
