package io.baton.core.lifecycle;

import java.util.Objects;

/** Whether the lifecycle lets a record move from one stage to another, and why, in words for a person. */
public record MoveCheck(Verdict verdict, String why) {

    /** The three answers a move can get. */
    public enum Verdict { UNCHANGED, ALLOWED, REFUSED }

    public MoveCheck {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(why, "why");
    }

    static MoveCheck unchanged(String why) {
        return new MoveCheck(Verdict.UNCHANGED, why);
    }

    static MoveCheck allowed(String why) {
        return new MoveCheck(Verdict.ALLOWED, why);
    }

    static MoveCheck refused(String why) {
        return new MoveCheck(Verdict.REFUSED, why);
    }

    public boolean isAllowed() {
        return verdict == Verdict.ALLOWED;
    }

    public boolean isRefused() {
        return verdict == Verdict.REFUSED;
    }
}
