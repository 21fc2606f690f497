package io.baton.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.baton.store.Alert;
import io.baton.store.AlertKind;
import io.baton.store.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quiet hours 20:00 to 07:00 Berlin (UTC+1 in March 2026): mail due inside waits for the end, then goes once. */
class QuietHoursMailTest {

    private static final Instant MONDAY_NINE_PM = Instant.parse("2026-03-02T20:00:00Z");
    private static final Instant MONDAY_EIGHT_PM = Instant.parse("2026-03-02T19:00:00Z");
    private static final Instant TUESDAY_SEVEN = Instant.parse("2026-03-03T06:00:00Z");

    private final AlertsFixture fixture = new AlertsFixture();
    private GreenMail smtp;

    @BeforeEach
    void startSmtpAndSetQuietHours() {
        smtp = fixture.startSmtp();
        fixture.overrides.put("baton.leakage.quiet-hours.start", "20:00");
        fixture.overrides.put("baton.leakage.quiet-hours.end", "07:00");
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private void moveTo(Instant instant) {
        fixture.clock.advance(Duration.between(fixture.clock.instant(), instant));
    }

    @Test
    void anEscalationDueInQuietHoursIsHeldPendingAndSentOnceWhenTheyEnd() {
        moveTo(MONDAY_NINE_PM);
        fixture.stale("rep.one@example.com", 1);
        Alerts alerts = fixture.alerts();

        assertThat(alerts.sendEscalations()).isZero();
        assertThat(alerts.sendEscalations()).as("held, so not stored again").isZero();
        Alert held = fixture.store.page(0, 10).get(0);
        assertThat(fixture.store.page(0, 10)).hasSize(1);
        assertThat(held.status()).isEqualTo(AlertStatus.PENDING);
        assertThat(held.nextAttemptAt()).contains(TUESDAY_SEVEN);

        moveTo(TUESDAY_SEVEN.minusSeconds(1));
        assertThat(alerts.retryFailed()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        moveTo(TUESDAY_SEVEN);
        assertThat(fixture.alerts().retryFailed()).as("after a restart, too").isEqualTo(1);
        assertThat(alerts.retryFailed()).isZero();
        assertThat(alerts.sendEscalations()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(fixture.store.find(held.id()).orElseThrow().status()).isEqualTo(AlertStatus.SENT);
    }

    @Test
    void aFailedMailWhoseRetryFallsInQuietHoursWaitsForTheirEnd() {
        moveTo(MONDAY_EIGHT_PM.minus(Duration.ofMinutes(2)));
        fixture.stale("rep.one@example.com", 1);
        smtp.stop();
        assertThat(fixture.alerts().sendEscalations()).isZero();
        assertThat(fixture.store.page(0, 1).get(0).status()).isEqualTo(AlertStatus.FAILED);
        smtp = fixture.startSmtp();

        moveTo(MONDAY_EIGHT_PM.plus(Duration.ofMinutes(5)));
        assertThat(fixture.alerts().retryFailed()).isZero();
        moveTo(TUESDAY_SEVEN);
        assertThat(fixture.alerts().retryFailed()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aDigestWhoseTickFallsInQuietHoursGoesOutOnceWhenTheyEnd() {
        fixture.overrides.put("baton.leakage.quiet-hours.end", "08:30");
        fixture.stale("rep.one@example.com", 1);
        Alerts alerts = fixture.alerts();
        alerts.sendDueDigests();
        Instant tuesdayEight = Instant.parse("2026-03-03T07:00:00Z");
        Instant quietEnd = Instant.parse("2026-03-03T07:30:00Z");

        moveTo(tuesdayEight);
        assertThat(alerts.sendDueDigests()).isZero();
        moveTo(quietEnd.minusSeconds(1));
        assertThat(alerts.sendDueDigests()).isZero();
        assertThat(fixture.store.page(0, 10)).isEmpty();
        moveTo(quietEnd);
        assertThat(alerts.sendDueDigests()).as("owner and manager").isEqualTo(2);
        moveTo(quietEnd.plusSeconds(60));
        assertThat(alerts.sendDueDigests()).isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(fixture.digestRuns.lastTick("morning")).contains(tuesdayEight);
        assertThat(fixture.store.page(0, 10)).allSatisfy(a -> assertThat(a.kind()).isEqualTo(AlertKind.DIGEST));
    }

    @Test
    void withWeekendsAMailDueOnSaturdayIsHeldUntilMondayMorning() {
        fixture.overrides.put("baton.leakage.quiet-hours.weekends", "true");
        moveTo(Instant.parse("2026-03-07T11:00:00Z"));
        fixture.stale("rep.one@example.com", 1);

        assertThat(fixture.alerts().sendEscalations()).isZero();

        List<Alert> stored = fixture.store.page(0, 10);
        assertThat(stored).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AlertStatus.PENDING);
            assertThat(a.nextAttemptAt()).contains(Instant.parse("2026-03-09T06:00:00Z"));
        });
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
