package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

interface LifecycleContract extends StoreFixture {

    default LifecycleRepository lifecycle() {
        return new LifecycleRepository(jdbc(), clock());
    }

    @Test
    default void firstMoveCreatesStateAndAnEventFromNowhere() {
        long link = newLink("1");
        assertThat(lifecycle().find(link)).isEmpty();

        LifecycleState state = lifecycle().move(new StageMove(link, "MQL", Optional.empty(), Optional.of(Side.HUBSPOT),
                "hubspot-user-7"));

        assertThat(state.stage()).isEqualTo("MQL");
        assertThat(state.stageEnteredAt()).isEqualTo(StoreContractTest.START);
        assertThat(lifecycle().events(link)).singleElement().satisfies(event -> {
            assertThat(event.fromStage()).isEmpty();
            assertThat(event.toStage()).isEqualTo("MQL");
            assertThat(event.sourceSide()).contains(Side.HUBSPOT);
            assertThat(event.actor()).isEqualTo("hubspot-user-7");
            assertThat(event.occurredAt()).isEqualTo(StoreContractTest.START);
        });
    }

    @Test
    default void everyMoveIsAuditedWithFromToReasonSideActorAndTime() {
        long link = newLink("1");
        lifecycle().move(new StageMove(link, "MQL", Optional.empty(), Optional.empty(), "baton"));
        clock().advance(Duration.ofHours(2));
        lifecycle().move(new StageMove(link, "SQL", Optional.empty(), Optional.of(Side.SALESFORCE), "005A"));
        clock().advance(Duration.ofHours(1));
        LifecycleState recycled = lifecycle().move(new StageMove(link, "RECYCLED", Optional.of("no budget this year"),
                Optional.of(Side.SALESFORCE), "005B"));

        assertThat(recycled.stageEnteredAt()).isEqualTo(StoreContractTest.START.plus(Duration.ofHours(3)));
        List<LifecycleEvent> events = lifecycle().events(link);
        assertThat(events).extracting(LifecycleEvent::toStage).containsExactly("MQL", "SQL", "RECYCLED");
        assertThat(events.get(2).fromStage()).contains("SQL");
        assertThat(events.get(2).reason()).contains("no budget this year");
        assertThat(events.get(0).sourceSide()).isEmpty();
    }

    @Test
    default void moveToTheCurrentStageRecordsNothing() {
        long link = newLink("1");
        StageMove toMql = new StageMove(link, "MQL", Optional.empty(), Optional.empty(), "baton");
        lifecycle().move(toMql);
        clock().advance(Duration.ofMinutes(5));

        LifecycleState again = lifecycle().move(toMql);

        assertThat(again.stageEnteredAt()).isEqualTo(StoreContractTest.START);
        assertThat(lifecycle().events(link)).hasSize(1);
    }

    @Test
    default void activityOnlyMovesForwardAndOwnerIsAssigned() {
        long link = newLink("1");
        assertThat(lifecycle().recordActivity(link, Instant.parse("2026-03-01T00:00:00Z"))).isFalse();
        lifecycle().move(new StageMove(link, "MQL", Optional.empty(), Optional.empty(), "baton"));

        assertThat(lifecycle().recordActivity(link, Instant.parse("2026-03-01T12:00:00Z"))).isTrue();
        assertThat(lifecycle().recordActivity(link, Instant.parse("2026-03-01T06:00:00Z"))).isTrue();
        assertThat(lifecycle().assignOwner(link, "005OWNER", Optional.of("rep@example.com"))).isTrue();

        LifecycleState state = lifecycle().find(link).orElseThrow();
        assertThat(state.lastActivityAt()).contains(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(state.ownerId()).contains("005OWNER");
        assertThat(state.ownerEmail()).contains("rep@example.com");
    }

    @Test
    default void aMoveKeepsItsReasonAndCountsAsATouch() {
        long link = newLink("1");
        lifecycle().move(new StageMove(link, "mql", Optional.empty(), Optional.of(Side.HUBSPOT), "baton"));
        clock().advance(Duration.ofHours(1));

        LifecycleState state = lifecycle().move(new StageMove(link, "disqualified", Optional.of("no budget"),
                Optional.of(Side.SALESFORCE), "005A"));

        assertThat(state.reason()).contains("no budget");
        assertThat(state.touchedAt()).contains(StoreContractTest.START.plus(Duration.ofHours(1)));
        assertThat(lifecycle().events(link)).extracting(LifecycleEvent::outcome)
                .containsOnly(LifecycleEvent.Outcome.MOVED);
    }

    @Test
    default void aMoveTakesTheTimeTheCrmSaysItHappenedButNeverOneInTheFuture() {
        long link = newLink("1");
        Instant entered = StoreContractTest.START.minus(Duration.ofDays(3));
        lifecycle().move(new StageMove(link, "mql", Optional.empty(), Optional.of(Side.HUBSPOT), "hubspot",
                Optional.of(entered)));
        assertThat(lifecycle().find(link).orElseThrow().stageEnteredAt()).isEqualTo(entered);
        assertThat(lifecycle().events(link).get(0).occurredAt()).isEqualTo(entered);

        lifecycle().move(new StageMove(link, "sal", Optional.empty(), Optional.of(Side.SALESFORCE), "005A",
                Optional.of(StoreContractTest.START.plus(Duration.ofDays(1)))));

        assertThat(lifecycle().find(link).orElseThrow().stageEnteredAt()).isEqualTo(StoreContractTest.START);
    }

    @Test
    default void anOwnerChangeIsATouchButTheFirstOwnerIsNot() {
        long link = newLink("1");
        lifecycle().move(new StageMove(link, "mql", Optional.empty(), Optional.empty(), "baton"));
        lifecycle().touch(link, StoreContractTest.START.minus(Duration.ofDays(1)));
        Instant firstTouch = lifecycle().find(link).orElseThrow().touchedAt().orElseThrow();
        clock().advance(Duration.ofHours(1));
        lifecycle().assignOwner(link, "005A", Optional.empty());
        assertThat(lifecycle().find(link).orElseThrow().touchedAt()).contains(firstTouch);

        clock().advance(Duration.ofHours(1));
        lifecycle().assignOwner(link, "005B", Optional.empty());

        assertThat(lifecycle().find(link).orElseThrow().touchedAt())
                .contains(StoreContractTest.START.plus(Duration.ofHours(2)));
    }

    @Test
    default void theReadingsOfBothSidesAreRemembered() {
        long link = newLink("1");
        assertThat(lifecycle().rememberReadings(link, Optional.of("mql"), Optional.empty())).isFalse();
        lifecycle().move(new StageMove(link, "sal", Optional.empty(), Optional.of(Side.SALESFORCE), "005A"));

        assertThat(lifecycle().rememberReadings(link, Optional.of("mql"), Optional.of("sal"))).isTrue();

        LifecycleState state = lifecycle().find(link).orElseThrow();
        assertThat(state.hubspotStage()).contains("mql");
        assertThat(state.salesforceStage()).contains("sal");
    }

    @Test
    default void aRefusedMoveIsAuditedAndLeavesTheStage() {
        long link = newLink("1");
        lifecycle().move(new StageMove(link, "sql", Optional.empty(), Optional.of(Side.SALESFORCE), "005A"));
        clock().advance(Duration.ofMinutes(3));

        lifecycle().refuse(new StageRefusal(link, "lead", Side.HUBSPOT, "hubspot", "sql → lead is a backward move"));

        assertThat(lifecycle().find(link).orElseThrow().stage()).isEqualTo("sql");
        assertThat(lifecycle().events(link)).last().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(LifecycleEvent.Outcome.REFUSED);
            assertThat(event.fromStage()).contains("sql");
            assertThat(event.toStage()).isEqualTo("lead");
            assertThat(event.reason()).contains("sql → lead is a backward move");
            assertThat(event.sourceSide()).contains(Side.HUBSPOT);
            assertThat(event.occurredAt()).isEqualTo(StoreContractTest.START.plus(Duration.ofMinutes(3)));
        });
    }

    @Test
    default void linksAreListedByStageLongestWaitingFirstAndCounted() {
        long first = newLink("1");
        long second = newLink("2");
        long third = newLink("3");
        lifecycle().move(new StageMove(first, "MQL", Optional.empty(), Optional.empty(), "baton"));
        clock().advance(Duration.ofMinutes(1));
        lifecycle().move(new StageMove(second, "MQL", Optional.empty(), Optional.empty(), "baton"));
        lifecycle().move(new StageMove(third, "SQL", Optional.empty(), Optional.empty(), "baton"));

        assertThat(lifecycle().inStage("MQL")).extracting(LifecycleState::linkId).containsExactly(first, second);
        assertThat(lifecycle().countByStage()).isEqualTo(Map.of("MQL", 2L, "SQL", 1L));
    }

    @Test
    default void activeLinksInTheWatchedStagesArePagedByLinkIdWithTheirLink() {
        long[] ids = new long[5];
        String[] stages = {"mql", "sql", "customer", "mql", "sal"};
        for (int i = 0; i < 5; i++) {
            ids[i] = newLink("" + (i + 1));
            lifecycle().move(new StageMove(ids[i], stages[i], Optional.empty(), Optional.empty(), "baton"));
        }
        new RecordLinkRepository(jdbc(), clock()).markDeleted(ids[3]);

        List<LifecycleRepository.LinkedState> first = lifecycle().inStagesAfter(List.of("mql", "sql", "sal"), 0, 2);
        List<LifecycleRepository.LinkedState> rest = lifecycle().inStagesAfter(List.of("mql", "sql", "sal"),
                first.get(1).state().linkId(), 2);

        assertThat(first).extracting(s -> s.state().linkId()).containsExactly(ids[0], ids[1]);
        assertThat(first.get(0).link().hubspotId()).contains("1");
        assertThat(first.get(0).link().salesforceId()).contains("00Q1");
        assertThat(first.get(1).state().stage()).isEqualTo("sql");
        assertThat(rest).extracting(s -> s.state().linkId()).containsExactly(ids[4]);
        assertThat(lifecycle().inStagesAfter(List.of(), 0, 10)).isEmpty();
    }

    @Test
    default void eventsAfterAMarkAreTheOnesRecordedSinceInOrder() {
        long link = newLink("1");
        lifecycle().move(new StageMove(link, "LEAD", Optional.empty(), Optional.empty(), "baton"));
        long mark = lifecycle().lastEventId();
        lifecycle().move(new StageMove(link, "MQL", Optional.empty(), Optional.of(Side.HUBSPOT), "baton"));
        lifecycle().move(new StageMove(link, "SQL", Optional.empty(), Optional.of(Side.SALESFORCE), "005A"));

        assertThat(lifecycle().eventsAfter(mark)).extracting(LifecycleEvent::toStage).containsExactly("MQL", "SQL");
        assertThat(lifecycle().eventsAfter(lifecycle().lastEventId())).isEmpty();
        assertThat(lifecycle().eventsAfter(0)).hasSize(3);
    }

    @Test
    default void stageEntriesComeLinkByLinkOldestFirstWithoutRefusalsOrInactiveLinks() {
        long first = newLink("1");
        long second = newLink("2");
        long gone = newLink("3");
        lifecycle().move(new StageMove(second, "lead", Optional.empty(), Optional.empty(), "baton"));
        lifecycle().move(new StageMove(first, "lead", Optional.empty(), Optional.empty(), "baton"));
        lifecycle().move(new StageMove(gone, "lead", Optional.empty(), Optional.empty(), "baton"));
        clock().advance(Duration.ofHours(1));
        lifecycle().move(new StageMove(first, "mql", Optional.empty(), Optional.empty(), "baton"));
        lifecycle().refuse(new StageRefusal(second, "subscriber", Side.HUBSPOT, "hubspot-user-7", "backward"));
        new RecordLinkRepository(jdbc(), clock()).markDeleted(gone);
        Instant start = StoreContractTest.START;

        List<LifecycleRepository.StageEntry> pagedByOne = new java.util.ArrayList<>();
        lifecycle().forEachStageEntry(Optional.empty(), 1, pagedByOne::add);
        List<LifecycleRepository.StageEntry> sinceTheHour = new java.util.ArrayList<>();
        lifecycle().forEachStageEntry(Optional.of(start.plus(Duration.ofHours(1))), 50, sinceTheHour::add);

        assertThat(pagedByOne).containsExactly(
                new LifecycleRepository.StageEntry(first, "lead", start),
                new LifecycleRepository.StageEntry(first, "mql", start.plus(Duration.ofHours(1))),
                new LifecycleRepository.StageEntry(second, "lead", start));
        assertThat(sinceTheHour).containsExactly(
                new LifecycleRepository.StageEntry(first, "mql", start.plus(Duration.ofHours(1))));
    }
}
