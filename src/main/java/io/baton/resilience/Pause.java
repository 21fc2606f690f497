package io.baton.resilience;

import java.time.Instant;

/** Why a system's sync waits, and until when Baton expects to try again. */
public record Pause(String system, Reason reason, String why, Instant until) {

    public enum Reason {
        /** The daily allocation is spent: the service is fine, it waits. */
        BUDGET,
        /** The credentials were refused: an admin must act. */
        AUTH
    }
}
