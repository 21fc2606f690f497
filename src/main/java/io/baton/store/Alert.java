package io.baton.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert mail: kind, who it went to, its subject, when, the flags it covered, and whether the
 * mail server took it ({@code error} holds the server's reason when not; never credentials).
 */
public record Alert(
        long id,
        AlertKind kind,
        List<String> recipients,
        String subject,
        Instant sentAt,
        AlertStatus status,
        Optional<String> error,
        List<Long> flagIds) {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        flagIds = List.copyOf(flagIds);
    }

    /** An alert to record; the store assigns id and send time. */
    public static Alert of(AlertKind kind, List<String> recipients, String subject, AlertStatus status,
            Optional<String> error, List<Long> flagIds) {
        return new Alert(0, kind, recipients, subject, Instant.EPOCH, status, error, flagIds);
    }
}
