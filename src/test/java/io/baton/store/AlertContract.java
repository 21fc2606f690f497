package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.RecordRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

interface AlertContract extends StoreFixture {

    Duration LEASE = Duration.ofMinutes(5);

    default AlertRepository alerts() {
        return new AlertRepository(jdbc(), clock());
    }

    default long flag(String leadId) {
        return new LeakFlagRepository(jdbc(), clock()).openIfAbsent(new NewLeakFlag("LEAK", "mql-untouched",
                RecordRef.salesforce("Lead", leadId), Optional.empty(), Optional.empty(), Optional.empty())).flag().id();
    }

    default Instant lease() {
        return clock().instant().plus(LEASE);
    }

    default Alert pending(String subject, CoveredFlag... flags) {
        return alerts().addPending(NewAlert.escalation(List.of("rep@x.io"), subject, "text", "<p>html</p>",
                List.of(flags)), lease());
    }

    @Test
    default void aPendingAlertIsStoredWithItsBodiesRecipientsAndFlagLevels() {
        long a = flag("00Q1");
        long b = flag("00Q2");
        Alert stored = alerts().addPending(NewAlert.escalation(List.of("rep@x.io", "boss@x.io"), "2 leads leaking",
                "plain text", "<p>html</p>", List.of(new CoveredFlag(b, 2), new CoveredFlag(a, 1),
                        new CoveredFlag(a, 1))), lease());

        assertThat(stored.id()).isPositive();
        assertThat(stored.status()).isEqualTo(AlertStatus.PENDING);
        assertThat(stored.recipients()).containsExactly("rep@x.io", "boss@x.io");
        assertThat(stored.subject()).isEqualTo("2 leads leaking");
        assertThat(stored.text()).isEqualTo("plain text");
        assertThat(stored.html()).isEqualTo("<p>html</p>");
        assertThat(stored.createdAt()).isEqualTo(StoreContractTest.START);
        assertThat(stored.attempts()).isZero();
        assertThat(stored.sentAt()).isEmpty();
        assertThat(stored.nextAttemptAt()).contains(StoreContractTest.START.plus(LEASE));
        assertThat(stored.flags()).containsExactlyInAnyOrder(new CoveredFlag(a, 1), new CoveredFlag(b, 2));
        assertThat(stored.flagIds()).containsExactly(a, b);
        assertThat(alerts().find(stored.id())).contains(stored);
    }

    @Test
    default void aDigestAlertKeepsItsDigestName() {
        Alert stored = alerts().addPending(NewAlert.digest("morning", List.of("team@x.io"), "Digest", "t", "h",
                List.of()), lease());

        assertThat(stored.kind()).isEqualTo(AlertKind.DIGEST);
        assertThat(stored.digest()).contains("morning");
    }

    @Test
    default void aSentAlertKeepsItsSendTimeAndCountsTheAttempt() {
        Alert stored = pending("s");
        clock().advance(Duration.ofSeconds(3));

        Alert sent = alerts().markSent(stored.id());

        assertThat(sent.status()).isEqualTo(AlertStatus.SENT);
        assertThat(sent.sentAt()).contains(StoreContractTest.START.plusSeconds(3));
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.nextAttemptAt()).isEmpty();
        assertThat(sent.createdAt()).isEqualTo(StoreContractTest.START);
    }

    @Test
    default void aFailedAlertKeepsItsErrorAndRetryTimeAndIsParkedWhenNoRetryIsLeft() {
        Alert stored = pending("s");
        Instant retryAt = StoreContractTest.START.plus(Duration.ofMinutes(2));

        Alert failed = alerts().markFailed(stored.id(), "421 try again later", Optional.of(retryAt));
        assertThat(failed.status()).isEqualTo(AlertStatus.FAILED);
        assertThat(failed.error()).contains("421 try again later");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.nextAttemptAt()).contains(retryAt);

        Alert parked = alerts().markFailed(stored.id(), "x".repeat(3000), Optional.empty());
        assertThat(parked.status()).isEqualTo(AlertStatus.PARKED);
        assertThat(parked.attempts()).isEqualTo(2);
        assertThat(parked.nextAttemptAt()).isEmpty();
        assertThat(parked.error().orElseThrow()).hasSize(2000);
    }

    @Test
    default void claimDueTakesOnlyAlertsWhoseRetryOrLeaseHasComeAndEachOnce() {
        Alert leased = pending("leased");
        Alert failed = pending("failed");
        alerts().markFailed(failed.id(), "down", Optional.of(clock().instant().plus(Duration.ofMinutes(1))));
        Alert sent = alerts().markSent(pending("sent").id());
        Alert parked = alerts().markFailed(pending("parked").id(), "down", Optional.empty());

        assertThat(alerts().claimDue(10, lease())).isEmpty();
        clock().advance(Duration.ofMinutes(1));
        assertThat(alerts().claimDue(10, lease())).extracting(Alert::id).containsExactly(failed.id());
        assertThat(alerts().claimDue(10, lease())).isEmpty();
        clock().advance(LEASE);
        assertThat(alerts().claimDue(1, lease())).extracting(Alert::id).containsExactly(leased.id());
        assertThat(alerts().claimDue(10, lease())).extracting(Alert::id).doesNotContain(sent.id(), parked.id());
    }

    @Test
    default void escalationCoverageIsPerFlagAndLevelWhateverTheStatusAndIgnoresDigests() {
        long atOne = flag("00Q1");
        long atBoth = flag("00Q2");
        long digestOnly = flag("00Q3");
        long never = flag("00Q4");
        alerts().markFailed(pending("s", new CoveredFlag(atOne, 1)).id(), "down", Optional.empty());
        pending("s", new CoveredFlag(atBoth, 1));
        alerts().markSent(pending("s", new CoveredFlag(atBoth, 2)).id());
        alerts().addPending(NewAlert.digest("morning", List.of("t@x.io"), "d", "t", "h",
                List.of(new CoveredFlag(digestOnly, 1))), lease());

        assertThat(alerts().escalated(List.of(atOne, atBoth, digestOnly, never))).containsExactlyInAnyOrder(
                new CoveredFlag(atOne, 1), new CoveredFlag(atBoth, 1), new CoveredFlag(atBoth, 2));
        assertThat(alerts().escalated(List.of())).isEmpty();
    }

    @Test
    default void aDryRunAlertIsListedAndCountsAsCoverageButIsNeverClaimedForSending() {
        long flag = flag("00Q1");
        Alert dry = alerts().addDryRun(NewAlert.escalation(List.of("rep@x.io"), "dry", "text", "<p>html</p>",
                List.of(new CoveredFlag(flag, 1))));

        assertThat(dry.status()).isEqualTo(AlertStatus.DRY_RUN);
        assertThat(dry.nextAttemptAt()).isEmpty();
        assertThat(dry.sentAt()).isEmpty();
        assertThat(alerts().page(0, 10)).containsExactly(dry);
        assertThat(alerts().escalated(List.of(flag))).containsExactly(new CoveredFlag(flag, 1));
        clock().advance(Duration.ofDays(1));
        assertThat(alerts().claimDue(10, lease())).isEmpty();
    }

    @Test
    default void oneAlertMayCoverBothLevelsOfAFlag() {
        long flag = flag("00Q1");
        Alert stored = pending("both", new CoveredFlag(flag, 1), new CoveredFlag(flag, 2));

        assertThat(stored.flags()).containsExactly(new CoveredFlag(flag, 1), new CoveredFlag(flag, 2));
        assertThat(stored.flagIds()).containsExactly(flag);
        assertThat(alerts().escalated(List.of(flag))).hasSize(2);
    }

    @Test
    default void pagesComeNewestFirstWithTheTotalCount() {
        Alert first = pending("first");
        clock().advance(Duration.ofHours(1));
        Alert second = pending("second");
        clock().advance(Duration.ofHours(1));
        Alert third = pending("third");

        assertThat(alerts().page(0, 2)).containsExactly(third, second);
        assertThat(alerts().page(1, 2)).containsExactly(first);
        assertThat(alerts().page(2, 2)).isEmpty();
        assertThat(alerts().count()).isEqualTo(3);
    }

    @Test
    default void aDigestTickAdvancesOnlyFromTheTickReadBefore() {
        DigestRunRepository runs = new DigestRunRepository(jdbc(), clock());
        Instant eight = Instant.parse("2026-03-02T08:00:00Z");
        Instant nextDay = eight.plus(Duration.ofDays(1));

        assertThat(runs.lastTick("morning")).isEmpty();
        assertThat(runs.advance("morning", Optional.empty(), eight)).isTrue();
        assertThat(runs.advance("morning", Optional.empty(), eight)).isFalse();
        assertThat(runs.lastTick("morning")).contains(eight);
        assertThat(runs.advance("morning", Optional.of(nextDay), nextDay)).isFalse();
        assertThat(runs.advance("morning", Optional.of(eight), nextDay)).isTrue();
        assertThat(runs.lastTick("morning")).contains(nextDay);
        assertThat(runs.lastTick("evening")).isEmpty();
    }
}
