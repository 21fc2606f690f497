package io.baton.core.lifecycle;

/** What Baton does with a side that made a move the lifecycle refuses. */
public enum BackwardMoves {
    /** Write the shared stage back onto the side that moved. */
    CORRECT,
    /** Leave the side as the person left it and flag the record for a human. */
    FLAG
}
