package io.baton.store;

import io.baton.core.record.RecordRef;
import java.util.Objects;
import java.util.Optional;

/**
 * A finding of the leak scan to flag.
 *
 * @param kind the flag's kind (e.g. {@code LEAK} or {@code STALE}); one OPEN flag per record and kind
 * @param rule the rule from {@code config/leakage.yml} that found it
 * @param detail a short human explanation for the digest
 */
public record NewLeakFlag(
        String kind,
        String rule,
        RecordRef record,
        Optional<Long> linkId,
        Optional<String> ownerId,
        Optional<String> detail) {

    public NewLeakFlag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(detail, "detail");
    }
}
