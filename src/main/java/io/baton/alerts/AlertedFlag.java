package io.baton.alerts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An open leak flag as alert mail sees it: the alerts package's own view, so it does not depend on
 * the flag store's columns ({@link OpenFlags} adapts them). {@code level} 1 = open past its SLA,
 * 2 = past the escalation multiple of it; {@code rule} names the rule in {@code baton.leakage.rules}
 * whose recipients hear about level 1.
 */
public record AlertedFlag(
        long flagId,
        String kind,
        String rule,
        Optional<String> hubspotId,
        Optional<String> salesforceId,
        Optional<String> salesforceType,
        Optional<String> ownerEmail,
        Optional<String> stage,
        Instant openedAt,
        Instant dueAt,
        int level,
        Optional<String> cause) {

    public AlertedFlag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(hubspotId, "hubspotId");
        Objects.requireNonNull(salesforceId, "salesforceId");
        Objects.requireNonNull(salesforceType, "salesforceType");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(cause, "cause");
        if (level < 1 || level > 2) {
            throw new IllegalArgumentException("level must be 1 or 2, was " + level);
        }
        if (hubspotId.isEmpty() && salesforceId.isEmpty()) {
            throw new IllegalArgumentException("flag " + flagId + " names no record on either side");
        }
        if (salesforceId.isPresent() != salesforceType.isPresent()) {
            throw new IllegalArgumentException("flag " + flagId + ": a Salesforce id comes with its type");
        }
    }
}
