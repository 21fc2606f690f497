package io.baton.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.baton.store.Alert;
import io.baton.store.AlertKind;
import io.baton.store.AlertStatus;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** baton.leakage.dry-run: true renders and records every alert as DRY_RUN and never talks to the mail server. */
class DryRunTest {

    private final AlertsFixture fixture = new AlertsFixture();
    private final AtomicInteger connections = new AtomicInteger();
    private GreenMail smtp;

    @BeforeEach
    void startSmtpInDryRun() {
        smtp = fixture.startSmtp();
        fixture.overrides.put("baton.leakage.dry-run", "true");
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    /** The fixture's sender, counting every attempt to hand it a mail. */
    private Alerts alerts() {
        JavaMailSenderImpl counting = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
                connections.incrementAndGet();
                super.doSend(mimeMessages, originalMessages);
            }
        };
        JavaMailSenderImpl settings = fixture.sender();
        counting.setHost(settings.getHost());
        counting.setPort(settings.getPort());
        counting.setJavaMailProperties(settings.getJavaMailProperties());
        return fixture.alerts(counting);
    }

    @Test
    void escalationsAreRenderedAndRecordedAsDryRunWithoutAnySmtpConnection() {
        fixture.stale("rep.one@example.com", 2);

        assertThat(alerts().sendEscalations()).isZero();
        assertThat(alerts().sendEscalations()).as("recorded coverage, so not again").isZero();
        assertThat(alerts().retryFailed()).isZero();

        List<Alert> recorded = fixture.store.page(0, 10);
        assertThat(recorded).hasSize(3).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(AlertStatus.DRY_RUN);
            assertThat(a.kind()).isEqualTo(AlertKind.ESCALATION);
            assertThat(a.text()).contains("rep.one@example.com");
            assertThat(a.sentAt()).isEmpty();
        });
        assertThat(connections).hasValue(0);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void switchingDryRunOffLaterDoesNotMailOldOpeningsButDoesMailNewOnes() {
        fixture.stale("rep.one@example.com", 1);
        alerts().sendEscalations();

        fixture.overrides.remove("baton.leakage.dry-run");
        assertThat(alerts().sendEscalations()).isZero();
        AlertedFlag fresh = fixture.stale("rep.two@example.com", 1);
        assertThat(alerts().sendEscalations()).isEqualTo(1);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(fixture.store.page(0, 10)).filteredOn(a -> a.status() == AlertStatus.SENT)
                .singleElement().satisfies(a -> assertThat(a.flagIds()).containsExactly(fresh.flagId()));
        assertThat(connections).hasValue(1);
    }

    @Test
    void aDigestInDryRunIsRecordedOnceForItsTickAndNothingIsSent() {
        fixture.stale("rep.one@example.com", 1);
        Alerts alerts = alerts();
        alerts.sendDueDigests();
        fixture.clock.advance(Duration.between(fixture.clock.instant(), Instant.parse("2026-03-03T07:00:00Z")));

        assertThat(alerts.sendDueDigests()).isZero();
        assertThat(alerts.sendDueDigests()).isZero();

        assertThat(fixture.store.page(0, 10)).hasSize(2).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.DIGEST);
            assertThat(a.status()).isEqualTo(AlertStatus.DRY_RUN);
        });
        assertThat(fixture.digestRuns.lastTick("morning")).contains(Instant.parse("2026-03-03T07:00:00Z"));
        assertThat(connections).hasValue(0);
    }

    @Test
    void mailThatFailedBeforeTheDryRunIsNotRetriedDuringIt() {
        fixture.overrides.remove("baton.leakage.dry-run");
        fixture.stale("rep.one@example.com", 1);
        smtp.stop();
        alerts().sendEscalations();
        smtp = fixture.startSmtp();
        fixture.overrides.put("baton.leakage.dry-run", "true");
        fixture.clock.advance(Duration.ofHours(1));

        assertThat(alerts().retryFailed()).isZero();

        assertThat(fixture.store.page(0, 1).get(0).status()).isEqualTo(AlertStatus.FAILED);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
