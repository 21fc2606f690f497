package io.baton.sandbox.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side cursors behind {@code nextRecordsUrl} (B.2): a snapshot of the rendered result taken
 * when the query ran, paged by {@code <locator>-<offset>}. Idle locators expire after 15 minutes.
 */
final class QueryLocators {

    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);

    private record Cursor(List<Map<String, Object>> records, int batchSize, Instant lastUsed) {
    }

    /** One page of a result: the records and, when more remain, the next offset. */
    record Page(List<Map<String, Object>> records, int totalSize, Integer nextOffset) {
    }

    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final SalesforceIds ids = new SalesforceIds("RO");
    private final Clock clock;

    QueryLocators(Clock clock) {
        this.clock = clock;
    }

    /** Registers a result larger than one batch and returns its locator id (01g…). */
    String open(List<Map<String, Object>> records, int batchSize) {
        Instant now = clock.instant();
        cursors.values().removeIf(c -> c.lastUsed().plus(IDLE_TIMEOUT).isBefore(now));
        String locator = ids.next("01g");
        cursors.put(locator, new Cursor(List.copyOf(records), batchSize, now));
        return locator;
    }

    Optional<Page> page(String locator, int offset) {
        Cursor c = cursors.get(locator);
        Instant now = clock.instant();
        if (c == null || c.lastUsed().plus(IDLE_TIMEOUT).isBefore(now) || offset < 0 || offset > c.records().size()) {
            return Optional.empty();
        }
        cursors.put(locator, new Cursor(c.records(), c.batchSize(), now));
        int end = Math.min(c.records().size(), offset + c.batchSize());
        return Optional.of(new Page(c.records().subList(offset, end), c.records().size(),
                end < c.records().size() ? end : null));
    }
}
