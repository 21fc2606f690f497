package io.baton.core.record;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one error model of Baton: every adapter translates its wire errors into one of four kinds,
 * so what is retried, re-authenticated, dead-lettered or fatal is decided once, per adapter.
 * Messages never carry a secret.
 */
public final class CrmException extends RuntimeException {

    /** What the caller should do about it. */
    public enum Kind {
        /** Rate limit, 5xx, timeout, dropped connection, row lock: back off and try again. */
        RETRIABLE,
        /** Expired or invalid credentials: log in again once, then treat as fatal. */
        AUTH,
        /** This record is bad (validation, picklist, duplicate): dead-letter it, carry on with the others. */
        RECORD,
        /** Configuration or permission problem: stop and tell the admin. */
        FATAL
    }

    private final Side side;
    private final Kind kind;
    private final String code;
    private final Duration retryAfter;

    public CrmException(Side side, Kind kind, String code, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.side = Objects.requireNonNull(side, "side");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code == null ? "" : code;
        this.retryAfter = retryAfter;
    }

    public CrmException(Side side, Kind kind, String code, String message) {
        this(side, kind, code, message, null, null);
    }

    public Side side() {
        return side;
    }

    public Kind kind() {
        return kind;
    }

    /** The API's own error code, e.g. {@code VALIDATION_ERROR} or {@code INVALID_SESSION_ID}. */
    public String code() {
        return code;
    }

    /** How long the API asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isRetriable() {
        return kind == Kind.RETRIABLE;
    }
}
