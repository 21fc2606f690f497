package io.baton.core.record;

import java.util.Objects;
import java.util.Optional;

/**
 * What the CRM answered for one {@link RecordWrite}: the record's id and whether it was created,
 * or why it failed. A failed record never fails its batch; it goes to the dead-letter store.
 */
public record WriteResult(String key, Optional<String> id, boolean created, Optional<Failure> failure) {

    /** One record's failure in the CRM's own words; {@code kind} decides retry or dead letter. */
    public record Failure(CrmException.Kind kind, String code, String message) {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        public static Failure of(CrmException e) {
            return new Failure(e.kind(), e.code(), e.getMessage());
        }
    }

    public WriteResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(failure, "failure");
    }

    public static WriteResult succeeded(String key, String id, boolean created) {
        return new WriteResult(key, Optional.of(id), created, Optional.empty());
    }

    public static WriteResult failed(String key, Failure failure) {
        return new WriteResult(key, Optional.empty(), false, Optional.of(failure));
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
