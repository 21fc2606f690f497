package io.baton.alerts;

import io.baton.config.AlertsProperties;
import io.baton.store.Alert;
import io.baton.store.AlertRepository;
import io.baton.store.NewAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending that never loses a mail: alerts are stored PENDING (leased to this sender for the send
 * timeout) before the mail server sees them, then marked SENT, or FAILED with a retry time that
 * doubles from the first delay up to the maximum, or PARKED once the attempts are spent. A crash
 * between storing and marking leaves the row PENDING; its lease runs out and a retry sends it.
 * Inside quiet hours nothing is sent: new mail is stored PENDING until the quiet time ends (the
 * retry then sends it), and retries wait. In a dry run mail is recorded DRY_RUN and never sent.
 */
final class AlertOutbox {

    private static final Logger log = LoggerFactory.getLogger(AlertOutbox.class);
    private static final int RETRY_BATCH = 100;

    private final AlertRepository alerts;
    private final AlertMailer mailer;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AlertsProperties.Retry retry;
    private final Duration sendTimeout;
    private final QuietHours quiet;
    private final boolean dryRun;

    /** What became of a batch: how many were stored and sent, and why the rest were not. */
    record Batch(int stored, int sent, Optional<Instant> heldUntil, boolean dryRun) {

        /** For the batch's log line: empty when the batch went out as usual. */
        String note() {
            if (dryRun) {
                return " (dry run: recorded as DRY_RUN, no mail sent)";
            }
            return heldUntil.map(t -> " (quiet hours: held until " + t + ")").orElse("");
        }
    }

    AlertOutbox(AlertRepository alerts, AlertMailer mailer, TransactionTemplate transaction, Clock clock,
                AlertsProperties.Retry retry, Duration sendTimeout, QuietHours quiet, boolean dryRun) {
        this.alerts = alerts;
        this.mailer = mailer;
        this.transaction = transaction;
        this.clock = clock;
        this.retry = retry;
        this.sendTimeout = sendTimeout;
        this.quiet = quiet;
        this.dryRun = dryRun;
    }

    /**
     * Stores every mail in one transaction together with {@code claim} (e.g. advancing a digest's
     * tick; when it returns false nothing is stored), then sends each, unless quiet hours hold them
     * (stored PENDING until the quiet time ends) or this is a dry run (recorded, never sent).
     */
    Batch storeAndSend(List<NewAlert> mails, BooleanSupplier claim) {
        Instant now = clock.instant();
        Optional<Instant> heldUntil = dryRun ? Optional.empty() : quiet.until(now);
        List<Alert> stored = transaction.execute(status -> {
            if (!claim.getAsBoolean()) {
                return List.<Alert>of();
            }
            // Held mail is leased until the quiet time ends: only then may a retry claim it.
            Instant lease = heldUntil.orElse(now.plus(sendTimeout));
            List<Alert> added = new ArrayList<>();
            mails.forEach(mail -> added.add(dryRun ? alerts.addDryRun(mail) : alerts.addPending(mail, lease)));
            return added;
        });
        int sent = dryRun || heldUntil.isPresent() ? 0 : (int) stored.stream().filter(this::deliver).count();
        return new Batch(stored.size(), sent, heldUntil, dryRun);
    }

    /**
     * Sends the failed, held and abandoned pending alerts whose time has come, unless it is quiet
     * now or a dry run. Returns how many were sent.
     */
    int retryDue() {
        if (dryRun || quiet.isQuiet(clock.instant())) {
            return 0;
        }
        int sent = 0;
        for (Alert alert : alerts.claimDue(RETRY_BATCH, clock.instant().plus(sendTimeout))) {
            sent += deliver(alert) ? 1 : 0;
        }
        return sent;
    }

    private boolean deliver(Alert alert) {
        try {
            mailer.send(alert);
        } catch (MailException e) {
            String error = mailer.describe(e);
            Optional<Instant> retryAt = nextAttempt(alert.attempts() + 1);
            alerts.markFailed(alert.id(), error, retryAt);
            log.warn("alert {} ({} to {}) not sent, attempt {}: {}; {}", alert.id(), alert.kind(), alert.recipients(),
                    alert.attempts() + 1, error, retryAt.map(t -> "retrying at " + t).orElse("parked, no attempt left"));
            return false;
        }
        alerts.markSent(alert.id());
        log.debug("alert {} ({}) sent to {}", alert.id(), alert.kind(), alert.recipients());
        return true;
    }

    /** After {@code attempts} failed attempts: when to try again, or nothing once they are spent. */
    Optional<Instant> nextAttempt(int attempts) {
        if (attempts >= retry.maxAttempts()) {
            return Optional.empty();
        }
        Duration delay = retry.firstDelay();
        for (int i = 1; i < attempts && delay.compareTo(retry.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(clock.instant().plus(delay.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : delay));
    }
}
