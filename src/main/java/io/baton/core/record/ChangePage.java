package io.baton.core.record;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One page read from a change stream, in stream order, with the cursor to commit once the page has
 * been written: past the last change read, or unchanged when the page is empty. {@code hasMore}
 * says whether the stream already knows of further changes (read again at once) or is caught up.
 */
public record ChangePage(List<Change> changes, SyncCursor cursor, boolean hasMore, OptionalLong remaining) {

    public ChangePage {
        changes = List.copyOf(changes);
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(remaining, "remaining");
    }

    /** A page whose stream cannot tell how many changes are still waiting. */
    public ChangePage(List<Change> changes, SyncCursor cursor, boolean hasMore) {
        this(changes, cursor, hasMore, OptionalLong.empty());
    }

    /** The same page, knowing that {@code count} more changes wait after it (for progress and ETA). */
    public ChangePage withRemaining(long count) {
        return new ChangePage(changes, cursor, hasMore, OptionalLong.of(Math.max(0, count)));
    }

    public static ChangePage empty(SyncCursor at) {
        return new ChangePage(List.of(), at, false);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
