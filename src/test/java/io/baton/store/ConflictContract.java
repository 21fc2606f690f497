package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.Side;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

interface ConflictContract extends StoreFixture {

    default ConflictRepository conflicts() {
        return new ConflictRepository(jdbc(), clock());
    }

    @Test
    default void conflictIsStoredWithAllThreeValuesRuleAndWinner() {
        long link = newLink("1");
        Conflict stored = conflicts().add(Conflict.of(link, "phone", Optional.of("111"), Optional.of("222"),
                Optional.empty(), "two-way", Optional.of(Side.HUBSPOT)));

        assertThat(stored.id()).isPositive();
        assertThat(stored.detectedAt()).isEqualTo(StoreContractTest.START);
        assertThat(stored.baseValue()).contains("111");
        assertThat(stored.hubspotValue()).contains("222");
        assertThat(stored.salesforceValue()).isEmpty();
        assertThat(stored.winner()).contains(Side.HUBSPOT);
        assertThat(conflicts().find(stored.id())).contains(stored);
    }

    @Test
    default void recentConflictsComeNewestFirstAndPerLinkOldestFirst() {
        long link = newLink("1");
        long other = newLink("2");
        Conflict first = conflicts().add(Conflict.of(link, "a", Optional.empty(), Optional.of("h"), Optional.of("s"),
                "two-way", Optional.of(Side.SALESFORCE)));
        clock().advance(Duration.ofSeconds(1));
        Conflict second = conflicts().add(Conflict.of(other, "b", Optional.empty(), Optional.of("h"), Optional.of("s"),
                "prefer-salesforce-unless-blank", Optional.empty()));
        clock().advance(Duration.ofSeconds(1));
        Conflict third = conflicts().add(Conflict.of(link, "c", Optional.empty(), Optional.of("h"), Optional.of("s"),
                "two-way", Optional.of(Side.HUBSPOT)));

        assertThat(conflicts().listRecent(2)).containsExactly(third, second);
        assertThat(conflicts().listForLink(link)).containsExactly(first, third);
        assertThat(conflicts().count()).isEqualTo(3);
    }

    @Test
    default void pagesComeNewestFirstOfAllOrOneLink() {
        long link = newLink("1");
        long other = newLink("2");
        Conflict[] added = new Conflict[5];
        for (int i = 0; i < 5; i++) {
            added[i] = conflicts().add(Conflict.of(i % 2 == 0 ? link : other, "f" + i, Optional.empty(),
                    Optional.of("h"), Optional.of("s"), "two-way", Optional.of(Side.HUBSPOT)));
            clock().advance(Duration.ofSeconds(1));
        }

        assertThat(conflicts().page(Optional.empty(), 0, 2)).containsExactly(added[4], added[3]);
        assertThat(conflicts().page(Optional.empty(), 2, 2)).containsExactly(added[0]);
        assertThat(conflicts().page(Optional.empty(), 3, 2)).isEmpty();
        assertThat(conflicts().page(Optional.of(link), 0, 2)).containsExactly(added[4], added[2]);
        assertThat(conflicts().page(Optional.of(link), 1, 2)).containsExactly(added[0]);
        assertThat(conflicts().count(Optional.of(other))).isEqualTo(2);
        assertThat(conflicts().count(Optional.empty())).isEqualTo(5);
    }

    @Test
    default void conflictsAfterAMarkAreTheOnesLoggedSince() {
        long link = newLink("1");
        assertThat(conflicts().lastId()).isZero();
        conflicts().add(Conflict.of(link, "a", Optional.empty(), Optional.of("h"), Optional.of("s"), "two-way",
                Optional.of(Side.HUBSPOT)));
        long mark = conflicts().lastId();
        Conflict later = conflicts().add(Conflict.of(link, "b", Optional.empty(), Optional.of("h"), Optional.of("s"),
                "two-way", Optional.of(Side.SALESFORCE)));

        assertThat(conflicts().after(mark)).containsExactly(later);
    }
}
