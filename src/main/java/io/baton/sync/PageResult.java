package io.baton.sync;

/** One page of one stream: changes read, contacts the inclusion filter left out, what was written, more to come. */
record PageResult(String stream, int changesRead, int excluded, PairSync.PageOutcome outcome, boolean hasMore) {
}
