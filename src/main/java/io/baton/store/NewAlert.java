package io.baton.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A rendered alert mail to store before it is sent; {@code digest} names the digest a DIGEST came from. */
public record NewAlert(
        AlertKind kind,
        Optional<String> digest,
        List<String> recipients,
        String subject,
        String text,
        String html,
        List<CoveredFlag> flags) {

    public NewAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(digest, "digest");
        if ((kind == AlertKind.DIGEST) != digest.isPresent()) {
            throw new IllegalArgumentException("a digest alert names its digest, and only a digest alert does");
        }
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an alert needs a recipient");
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        flags = List.copyOf(flags);
    }

    public static NewAlert escalation(List<String> recipients, String subject, String text, String html,
                                      List<CoveredFlag> flags) {
        return new NewAlert(AlertKind.ESCALATION, Optional.empty(), recipients, subject, text, html, flags);
    }

    public static NewAlert digest(String digest, List<String> recipients, String subject, String text, String html,
                                  List<CoveredFlag> flags) {
        return new NewAlert(AlertKind.DIGEST, Optional.of(digest), recipients, subject, text, html, flags);
    }
}
