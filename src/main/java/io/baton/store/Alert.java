package io.baton.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert mail in the outbox: what it is (kind, digest name), to whom, its rendered subject and
 * bodies, the flags (and levels) it covered, and how sending went — {@code error} holds the mail
 * server's reason for the last failure (never credentials).
 */
public record Alert(
        long id,
        AlertKind kind,
        Optional<String> digest,
        List<String> recipients,
        String subject,
        String text,
        String html,
        Instant createdAt,
        AlertStatus status,
        int attempts,
        Optional<Instant> sentAt,
        Optional<Instant> nextAttemptAt,
        Optional<String> error,
        List<CoveredFlag> flags) {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(digest, "digest");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(error, "error");
        flags = List.copyOf(flags);
    }

    /** The flags covered, each once, in id order. */
    public List<Long> flagIds() {
        return flags.stream().map(CoveredFlag::flagId).distinct().sorted().toList();
    }

    Alert withFlags(List<CoveredFlag> covered) {
        return new Alert(id, kind, digest, recipients, subject, text, html, createdAt, status, attempts, sentAt,
                nextAttemptAt, error, covered);
    }
}
