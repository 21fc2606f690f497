package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.RecordRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

interface AlertContract extends StoreFixture {

    default AlertRepository alerts() {
        return new AlertRepository(jdbc(), clock());
    }

    default long flag(String leadId) {
        return new LeakFlagRepository(jdbc(), clock()).openIfAbsent(new NewLeakFlag("LEAK", "mql-untouched",
                RecordRef.salesforce("Lead", leadId), Optional.empty(), Optional.empty(), Optional.empty())).flag().id();
    }

    @Test
    default void sentAlertIsStoredWithRecipientsSubjectTimeAndFlags() {
        long a = flag("00Q1");
        long b = flag("00Q2");
        Alert sent = alerts().add(Alert.of(AlertKind.ESCALATION, List.of("rep@x.io", "boss@x.io"), "2 leads leaking",
                AlertStatus.SENT, Optional.empty(), List.of(b, a, a)));

        assertThat(sent.id()).isPositive();
        assertThat(sent.recipients()).containsExactly("rep@x.io", "boss@x.io");
        assertThat(sent.subject()).isEqualTo("2 leads leaking");
        assertThat(sent.sentAt()).isEqualTo(StoreContractTest.START);
        assertThat(sent.flagIds()).containsExactlyInAnyOrder(a, b);
        assertThat(alerts().find(sent.id())).contains(sent);
    }

    @Test
    default void recentAlertsComeNewestFirst() {
        long a = flag("00Q1");
        Alert first = alerts().add(Alert.of(AlertKind.DIGEST, List.of("team@x.io"), "Daily digest", AlertStatus.SENT,
                Optional.empty(), List.of(a)));
        clock().advance(Duration.ofHours(24));
        Alert second = alerts().add(Alert.of(AlertKind.DIGEST, List.of("team@x.io"), "Daily digest", AlertStatus.FAILED,
                Optional.of("421 try again later"), List.of()));

        assertThat(alerts().listRecent(10)).containsExactly(second, first);
        assertThat(second.error()).contains("421 try again later");
    }

    @Test
    default void onlySentAlertsOfTheSameKindCountAsCovering() {
        long escalated = flag("00Q1");
        long failedOnly = flag("00Q2");
        long digestOnly = flag("00Q3");
        long never = flag("00Q4");
        alerts().add(Alert.of(AlertKind.ESCALATION, List.of("r@x.io"), "s", AlertStatus.SENT, Optional.empty(),
                List.of(escalated)));
        alerts().add(Alert.of(AlertKind.ESCALATION, List.of("r@x.io"), "s", AlertStatus.FAILED, Optional.of("down"),
                List.of(failedOnly)));
        alerts().add(Alert.of(AlertKind.DIGEST, List.of("r@x.io"), "s", AlertStatus.SENT, Optional.empty(),
                List.of(digestOnly)));

        assertThat(alerts().coveredFlagIds(AlertKind.ESCALATION, List.of(escalated, failedOnly, digestOnly, never)))
                .containsExactly(escalated);
        assertThat(alerts().coveredFlagIds(AlertKind.DIGEST, List.of())).isEmpty();
    }

    @Test
    default void lastSentIsTheLatestSuccessfulAlertOfTheKind() {
        assertThat(alerts().lastSent(AlertKind.DIGEST)).isEmpty();
        alerts().add(Alert.of(AlertKind.DIGEST, List.of("t@x.io"), "d", AlertStatus.SENT, Optional.empty(), List.of()));
        clock().advance(Duration.ofHours(1));
        alerts().add(Alert.of(AlertKind.DIGEST, List.of("t@x.io"), "d", AlertStatus.FAILED, Optional.empty(), List.of()));

        assertThat(alerts().lastSent(AlertKind.DIGEST)).contains(StoreContractTest.START);
        assertThat(alerts().lastSent(AlertKind.ESCALATION)).isEmpty();
    }
}
