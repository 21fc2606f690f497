package io.baton.alerts;

import java.util.List;

/** The port alert mail reads open flags through; the flag store provides it. */
@FunctionalInterface
public interface OpenFlags {

    /** Every flag open now, at its current level. */
    List<AlertedFlag> open();
}
