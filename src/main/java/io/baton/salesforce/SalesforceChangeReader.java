package io.baton.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.core.record.Change;
import io.baton.core.record.ChangePage;
import io.baton.core.record.CrmException;
import io.baton.core.record.CrmException.Kind;
import io.baton.core.record.Side;
import io.baton.core.record.SyncCursor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Lead and Contact change streams a page at a time (DESIGN.md §4, API-REFERENCE.md B.2).
 *
 * <p>Each page is one keyset query, {@code WHERE SystemModstamp > t OR (SystemModstamp = t AND Id > i)
 * ORDER BY SystemModstamp, Id LIMIT n} (see {@link ChangeQuery}), rather than one open-ended query
 * whose {@code nextRecordsUrl} is followed across pages, because:
 * <ul>
 *   <li>{@code (SystemModstamp, Id)} is a total order (Id is unique), so the page boundary is exact
 *       however many rows share a millisecond: 5,000 tied rows are three pages, each row in one.</li>
 *   <li>the committed cursor alone says where to go on; a query locator lives in Salesforce's
 *       memory, expires after ~15 minutes idle (B.2) and does not survive our restart.</li>
 *   <li>without LIMIT a backfill would ask Salesforce to prepare the whole remaining table on every
 *       page only to read its first batch.</li>
 * </ul>
 * Within the page, {@code nextRecordsUrl} is still followed: Salesforce may answer a batch smaller
 * than asked (B.2, "the returned batch can include fewer records"), and the page is only complete
 * once {@code done} is true. A page is read whole before it is returned, so a failure mid-page
 * (e.g. an expired locator, retriable) just means the same cursor is read again.
 */
public class SalesforceChangeReader {

    /** Salesforce's own batch ceiling (B.2); a page of that size usually costs a single call. */
    public static final int MAX_PAGE_SIZE = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceChangeReader.class);

    private final SalesforceGateway gateway;
    private final Clock clock;
    private final Duration settleTime;
    private final int pageSize;

    /** Every committed row at once (no settle time): for tests that stamp rows themselves. */
    public SalesforceChangeReader(SalesforceGateway gateway) {
        this(gateway, MAX_PAGE_SIZE);
    }

    public SalesforceChangeReader(SalesforceGateway gateway, int pageSize) {
        this(gateway, Clock.systemUTC(), Duration.ZERO, pageSize);
    }

    /** Rows are read once they are {@code settleTime} old by {@code clock} (see {@link ChangeQuery}). */
    public SalesforceChangeReader(SalesforceGateway gateway, Clock clock, Duration settleTime, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settleTime = Objects.requireNonNull(settleTime, "settleTime");
        this.pageSize = pageSize;
    }

    public int pageSize() {
        return pageSize;
    }

    /**
     * The changes of {@code sObjectType} ({@code Lead} or {@code Contact}) after {@code after}, in
     * stream order, at most one page. {@code fields} are the API names the caller maps; the cursor
     * is the last row's {@code (SystemModstamp, Id)}, or {@code after} when nothing changed.
     * {@code hasMore} says the page was full: read again at once (a full page at the very end of
     * the stream costs one more, empty, read).
     */
    public ChangePage readPage(String sObjectType, SyncCursor after, List<String> fields) {
        Objects.requireNonNull(after, "after");
        List<String> requested = List.copyOf(fields);
        Optional<Instant> settled = Optional.empty();
        if (!settleTime.isZero()) {
            settled = Optional.of(clock.instant().minus(settleTime).truncatedTo(ChronoUnit.MILLIS));
            if (!after.timestamp().isBefore(settled.get())) {
                return ChangePage.empty(after);
            }
        }
        String soql = ChangeQuery.soql(sObjectType, after, requested, pageSize, settled);
        long started = System.nanoTime();
        List<JsonNode> rows = new ArrayList<>();
        JsonNode batch = gateway.queryAll(soql);
        int calls = 1;
        addRecords(batch, rows);
        while (!batch.path("done").asBoolean(true) && rows.size() < pageSize) {
            String next = batch.path("nextRecordsUrl").asText("");
            if (next.isEmpty()) {
                throw new CrmException(Side.SALESFORCE, Kind.RETRIABLE, "MALFORMED_RESPONSE",
                        "Salesforce said a " + sObjectType + " query is not done but gave no nextRecordsUrl");
            }
            batch = gateway.queryMore(next);
            calls++;
            addRecords(batch, rows);
        }
        List<Change> changes = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            changes.add(ChangeRows.toChange(sObjectType, row, requested));
        }
        SyncCursor cursor = rows.isEmpty() ? after
                : new SyncCursor(ChangeRows.modstamp(rows.get(rows.size() - 1)), ChangeRows.id(rows.get(rows.size() - 1)));
        boolean hasMore = rows.size() >= pageSize;
        LOG.debug("salesforce {} changes: {} rows in {} calls, hasMore={}, {} ms", sObjectType, rows.size(), calls,
                hasMore, (System.nanoTime() - started) / 1_000_000);
        return new ChangePage(changes, cursor, hasMore);
    }

    private static void addRecords(JsonNode batch, List<JsonNode> rows) {
        JsonNode records = batch.path("records");
        if (!records.isArray()) {
            throw new CrmException(Side.SALESFORCE, Kind.RETRIABLE, "MALFORMED_RESPONSE",
                    "Salesforce query answer without a records array");
        }
        records.forEach(rows::add);
    }
}
