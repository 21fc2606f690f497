package io.baton.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.baton.store.Alert;
import io.baton.store.AlertStatus;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Sending never loses a mail: stored before it is sent, kept when the server is down, retried until it goes. */
class AlertOutboxTest {

    private final AlertsFixture fixture = new AlertsFixture();

    private Alert onlyAlert() {
        List<Alert> all = fixture.store.page(0, 10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void whenSmtpIsDownTheAlertIsKeptFailedAndRetryDeliversItExactlyOnceWhenTheServerIsBack() throws Exception {
        fixture.stale("rep.one@example.com", 1);
        Alerts alerts = fixture.alerts();

        assertThat(alerts.sendEscalations()).isZero();
        Alert failed = onlyAlert();
        assertThat(failed.status()).isEqualTo(AlertStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.error().orElseThrow()).contains("MailSendException", "Connection refused");
        assertThat(failed.nextAttemptAt()).contains(fixture.clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(failed.text()).contains("gone past the SLA");
        assertThat(alerts.sendEscalations()).as("stored, so not written again").isZero();
        assertThat(alerts.retryFailed()).as("not yet due").isZero();

        GreenMail smtp = fixture.startSmtp();
        try {
            fixture.clock.advance(Duration.ofMinutes(1));
            assertThat(alerts.retryFailed()).isEqualTo(1);
            fixture.clock.advance(Duration.ofHours(2));
            assertThat(alerts.retryFailed()).isZero();
            assertThat(fixture.alerts().retryFailed()).isZero();

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo(failed.subject());
            Alert sent = onlyAlert();
            assertThat(sent.status()).isEqualTo(AlertStatus.SENT);
            assertThat(sent.attempts()).isEqualTo(2);
            assertThat(sent.sentAt()).isPresent();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void eachRetryWaitsTwiceAsLongUntilTheAttemptsAreSpentThenTheAlertIsParked() {
        fixture.overrides.put("baton.alerts.retry.max-attempts", "3");
        fixture.stale("rep.one@example.com", 1);
        Alerts alerts = fixture.alerts();
        alerts.sendEscalations();

        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(alerts.retryFailed()).isZero();
        Alert second = onlyAlert();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).contains(fixture.clock.instant().plus(Duration.ofMinutes(2)));

        fixture.clock.advance(Duration.ofMinutes(2));
        alerts.retryFailed();
        Alert parked = onlyAlert();
        assertThat(parked.status()).isEqualTo(AlertStatus.PARKED);
        assertThat(parked.attempts()).isEqualTo(3);
        assertThat(parked.nextAttemptAt()).isEmpty();

        fixture.clock.advance(Duration.ofDays(1));
        assertThat(alerts.retryFailed()).isZero();
        assertThat(onlyAlert().attempts()).isEqualTo(3);
    }

    @Test
    void theSmtpPasswordNeverAppearsInAStoredError() {
        JavaMailSenderImpl leaky = new JavaMailSenderImpl() {
            @Override
            public void send(jakarta.mail.internet.MimeMessage... messages) {
                throw new MailAuthenticationException("535 5.7.8 rejected AUTH PLAIN for baton/"
                        + AlertsFixture.SMTP_PASSWORD, new IllegalStateException("password " + AlertsFixture.SMTP_PASSWORD));
            }
        };
        fixture.stale("rep.one@example.com", 1);

        fixture.alerts(leaky).sendEscalations();

        String error = onlyAlert().error().orElseThrow();
        assertThat(error).contains("535 5.7.8 rejected AUTH PLAIN for baton/****", "IllegalStateException: password ****")
                .doesNotContain(AlertsFixture.SMTP_PASSWORD);
    }

    @Test
    void aPendingAlertLeftByACrashIsSentOnceItsSendTimeoutHasPassed() {
        fixture.stale("rep.one@example.com", 1);
        GreenMail smtp = fixture.startSmtp();
        try {
            // As if the process died between storing and sending: a PENDING row under its lease.
            fixture.store.addPending(io.baton.store.NewAlert.escalation(List.of("rep.one@example.com"), "s", "t", "<p>h</p>",
                    List.of()), fixture.clock.instant().plus(Duration.ofMinutes(5)));
            Alerts alerts = fixture.alerts();

            assertThat(alerts.retryFailed()).isZero();
            fixture.clock.advance(Duration.ofMinutes(5));
            assertThat(alerts.retryFailed()).isEqualTo(1);
            assertThat(alerts.retryFailed()).isZero();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        } finally {
            smtp.stop();
        }
    }
}
