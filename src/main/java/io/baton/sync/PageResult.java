package io.baton.sync;

import java.util.OptionalLong;

/**
 * One page of one stream: changes read, contacts the inclusion filter left out, what was written,
 * whether more is waiting, and — where the CRM says — how many changes still wait after it.
 */
record PageResult(String stream, int changesRead, int excluded, PairSync.PageOutcome outcome, boolean hasMore,
                  OptionalLong remaining) {
}
