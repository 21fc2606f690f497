package io.baton.core.leakage;

import io.baton.core.record.RecordRef;
import java.util.Objects;

/** A flag's identity: at most one flag is open per record and kind. */
public record FlagKey(RecordRef record, LeakKind kind) {

    public FlagKey {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(kind, "kind");
    }
}
