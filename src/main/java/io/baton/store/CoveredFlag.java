package io.baton.store;

/**
 * A leak flag an alert covered, at the level it was mailed at: 1 = open past its SLA, 2 = past the
 * escalation multiple of its SLA.
 */
public record CoveredFlag(long flagId, int level) {

    public CoveredFlag {
        if (level < 1 || level > 2) {
            throw new IllegalArgumentException("level must be 1 or 2, was " + level);
        }
    }
}
