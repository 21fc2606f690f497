package io.baton.sync;

import io.baton.core.leakage.LeakKind;
import io.baton.core.record.CrmException;
import io.baton.core.record.Side;
import io.baton.store.SyncCursorRepository;
import io.baton.store.WriteAudit;
import io.baton.store.WriteOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sync's own meters, in Prometheus names (README "Metrics and logs"):
 * <ul>
 * <li>{@code baton_records_synced_total{direction}} — records a CRM accepted from Baton, as the write audit
 *     holds them (committed pages, resyncs and replays);
 *     {@code hubspot-to-salesforce} counts writes to Salesforce, {@code salesforce-to-hubspot} writes to HubSpot;</li>
 * <li>{@code baton_write_batch_size{system}} — records handed to one CRM's writer at a time (a page's
 *     writes, a resync's); the writer splits them into API calls of at most 100 (HubSpot) or 200 (Salesforce);</li>
 * <li>{@code baton_dead_letters_filed_total{class}} — record failures filed as dead letters (a new letter or
 *     another failed attempt on one);</li>
 * <li>{@code baton_leak_flags_opened_total{kind}} / {@code baton_leak_flags_closed_total{kind}};</li>
 * <li>{@code baton_sync_lag_seconds{direction}} — see {@link SyncLag}; the Salesforce direction is its
 *     furthest-behind stream; NaN until a stream has committed a cursor.</li>
 * </ul>
 * Every tag value is registered at zero up front, so a dashboard's series do not come and go.
 */
public final class SyncMetrics {

    public static final String HUBSPOT_TO_SALESFORCE = "hubspot-to-salesforce";
    public static final String SALESFORCE_TO_HUBSPOT = "salesforce-to-hubspot";

    /** Meters kept in a private registry nobody reads. */
    static final SyncMetrics NONE = new SyncMetrics(new SimpleMeterRegistry());

    private final MeterRegistry registry;

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Side side : Side.values()) {
            synced(side);
            batchSize(side);
        }
        for (CrmException.Kind kind : CrmException.Kind.values()) {
            filed(kind.name());
        }
        for (String kind : flagKinds()) {
            flagOpened(kind);
            flagClosed(kind);
        }
    }

    /** The direction whose records land in {@code target}. */
    static String directionInto(Side target) {
        return target == Side.SALESFORCE ? HUBSPOT_TO_SALESFORCE : SALESFORCE_TO_HUBSPOT;
    }

    /** The direction a change stream feeds: HubSpot's stream writes to Salesforce, Salesforce's to HubSpot. */
    static String directionOf(String stream) {
        return stream.startsWith(Side.HUBSPOT.name().toLowerCase(Locale.ROOT)) ? HUBSPOT_TO_SALESFORCE
                : SALESFORCE_TO_HUBSPOT;
    }

    /** {@code writer}, measured: the records handed to it at each call. */
    CrmWriter metered(Side target, CrmWriter writer) {
        return writes -> {
            if (!writes.isEmpty()) {
                batchSize(target).record(writes.size());
            }
            return writer.write(writes);
        };
    }

    /** A committed page's writes: each record a CRM accepted counts once (a HubSpot clear-then-set too). */
    void synced(List<WriteAudit> writes) {
        for (WriteAudit write : writes) {
            if (write.outcome() == WriteOutcome.SUCCEEDED) {
                synced(write.side()).increment();
            }
        }
    }

    void deadLetterFiled(String errorClass) {
        filed(errorClass).increment();
    }

    void flagsOpened(String kind, int count) {
        flagOpened(kind).increment(count);
    }

    void flagsClosed(String kind, int count) {
        flagClosed(kind).increment(count);
    }

    /** Registers {@code baton_sync_lag_seconds{direction}}, read from the loop and the store when scraped. */
    static void registerLag(MeterRegistry registry, SyncLoop loop, SyncCursorRepository cursors, Clock clock) {
        for (String direction : List.of(HUBSPOT_TO_SALESFORCE, SALESFORCE_TO_HUBSPOT)) {
            Gauge.builder("baton.sync.lag", () -> lag(direction, loop, cursors, clock))
                    .tag("direction", direction).baseUnit("seconds")
                    .description("How far the direction's change streams are behind now (0: caught up)")
                    .register(registry);
        }
    }

    private static double lag(String direction, SyncLoop loop, SyncCursorRepository cursors, Clock clock) {
        var committed = cursors.findAll();
        return loop.status().stream().filter(s -> directionOf(s.stream()).equals(direction))
                .map(s -> SyncLag.seconds(s, Optional.ofNullable(committed.get(s.stream())), clock.instant()))
                .flatMap(Optional::stream).mapToDouble(Long::doubleValue).max().orElse(Double.NaN);
    }

    private Counter synced(Side target) {
        return Counter.builder("baton.records.synced").tag("direction", directionInto(target))
                .description("Records a CRM accepted from Baton's sync").register(registry);
    }

    private DistributionSummary batchSize(Side system) {
        return DistributionSummary.builder("baton.write.batch.size").tag("system", system.name().toLowerCase(Locale.ROOT))
                .description("Records handed to a CRM's writer at once (split into API calls of <= 100 / 200)")
                .serviceLevelObjectives(1, 10, 50, 100, 200, 500, 1000, 2000).register(registry);
    }

    private Counter filed(String errorClass) {
        return Counter.builder("baton.dead.letters.filed").tag("class", errorClass)
                .description("Record failures filed as dead letters, by error class").register(registry);
    }

    private Counter flagOpened(String kind) {
        return Counter.builder("baton.leak.flags.opened").tag("kind", kind)
                .description("Leak and stale flags opened").register(registry);
    }

    private Counter flagClosed(String kind) {
        return Counter.builder("baton.leak.flags.closed").tag("kind", kind)
                .description("Leak and stale flags closed (the condition cleared)").register(registry);
    }

    private static List<String> flagKinds() {
        List<String> kinds = new ArrayList<>();
        for (LeakKind kind : LeakKind.values()) {
            kinds.add(kind.id());
        }
        kinds.add(StageCommit.BACKWARD_MOVE);
        return kinds;
    }
}
