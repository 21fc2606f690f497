package io.baton.core.record;

import java.util.List;
import java.util.Objects;

/**
 * One page read from a change stream, in stream order, with the cursor to commit once the page has
 * been written: past the last change read, or unchanged when the page is empty. {@code hasMore}
 * says whether the stream already knows of further changes (read again at once) or is caught up.
 */
public record ChangePage(List<Change> changes, SyncCursor cursor, boolean hasMore) {

    public ChangePage {
        changes = List.copyOf(changes);
        Objects.requireNonNull(cursor, "cursor");
    }

    public static ChangePage empty(SyncCursor at) {
        return new ChangePage(List.of(), at, false);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
