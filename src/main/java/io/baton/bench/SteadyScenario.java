package io.baton.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Steady state: {@code people} already in sync on both sides (a backfill first, not counted), then
 * for a fixed window 1% of them per minute edited on each side at random moments, with the sync
 * routes polling every {@link #POLL_INTERVAL}; each edit's latency is the time until the other
 * side holds the new value. Every edit touches a different person, so none is a conflict.
 */
final class SteadyScenario {

    static final int DEFAULT_RECORDS = 10_000;
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    /** Changes are read once this old (shipped default 10 s); in-process the stores stamp at once. */
    static final Duration SETTLE_TIME = Duration.ofSeconds(1);
    private static final double EDITED_PER_MINUTE = 0.01;
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(2);

    private SteadyScenario() {
    }

    static BenchResult run(int people, double minutes) {
        try (BenchService service = BenchService.start("steady", Map.of(
                "baton.sync.enabled", "true",
                "baton.sync.initial-delay", "1s",
                "baton.sync.hubspot-poll-interval", POLL_INTERVAL.toMillis() + "ms",
                "baton.sync.salesforce-poll-interval", POLL_INTERVAL.toMillis() + "ms",
                "baton.sync.inventory-interval", "1h",
                "baton.hubspot.search-settle-time", SETTLE_TIME.toMillis() + "ms",
                "baton.salesforce.change-settle-time", SETTLE_TIME.toMillis() + "ms"))) {
            BenchPeople seeded = new BenchPeople(service.sandbox(), people, 1.0);
            seeded.seed();
            Progress.say("steady: %,d people on both sides; first sync (not counted)", people);
            service.sync().syncUntilQuiet(20);
            String afterBackfill = seeded.problems(service.activeLinks(), service.openDeadLetters());
            if (!afterBackfill.isEmpty()) {
                return failed(people, "first sync: " + afterBackfill);
            }
            long window = Math.round(minutes * 60_000);
            List<Long> hubspotEditTimes = editTimes(new Random(11), edits(people, minutes), window);
            List<Long> salesforceEditTimes = editTimes(new Random(13), edits(people, minutes), window);
            Progress.say("steady: %d + %d edits over %.1f min, polling every %d s", hubspotEditTimes.size(),
                    salesforceEditTimes.size(), minutes, POLL_INTERVAL.toSeconds());
            EditWatch watch = new EditWatch(service.sandbox());
            PeakHeap.reset();
            service.resetCalls();
            long started = System.nanoTime();
            runEdits(watch, seeded, hubspotEditTimes, salesforceEditTimes, started);
            watch.awaitAll(started + window * 1_000_000);
            EditWatch.pause(Math.max(0, window - (System.nanoTime() - started) / 1_000_000));
            long calls = service.apiCalls();
            double seconds = (System.nanoTime() - started) / 1e9;
            Progress.say("steady: calls in the window by endpoint: %s", service.callsByEndpoint());
            boolean all = watch.awaitAll(System.nanoTime() + DRAIN_LIMIT.toNanos());
            double heap = PeakHeap.megabytes();
            long minimum = SteadyMinimum.calls(window, POLL_INTERVAL.toMillis(), hubspotEditTimes, salesforceEditTimes);
            String check = all
                    ? String.format(Locale.ROOT, "%d edits arrived on the other side", watch.arrivedCount())
                    : watch.pendingCount() + " edits never arrived within " + DRAIN_LIMIT.toMinutes() + " min";
            return new BenchResult("steady", people, seconds, OptionalDouble.empty(), OptionalLong.of(calls),
                    OptionalLong.of(minimum), OptionalDouble.of(watch.percentile(0.5)),
                    OptionalDouble.of(watch.percentile(0.95)), heap, all, check);
        }
    }

    private static int edits(int people, double minutes) {
        return Math.max(1, (int) Math.round(people * EDITED_PER_MINUTE * minutes));
    }

    /** {@code count} random moments in the window, in milliseconds from its start, in order. */
    private static List<Long> editTimes(Random random, int count, long windowMillis) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add((long) (random.nextDouble() * windowMillis));
        }
        Collections.sort(times);
        return times;
    }

    /** Makes the edits at their moments, each to a different person, checking arrivals in between. */
    private static void runEdits(EditWatch watch, BenchPeople people, List<Long> hubspotTimes,
                                 List<Long> salesforceTimes, long startedNanos) {
        List<Integer> persons = new ArrayList<>();
        for (int i = 0; i < people.shared(); i++) {
            persons.add(i);
        }
        Collections.shuffle(persons, new Random(17));
        int h = 0;
        int s = 0;
        int next = 0;
        while (h < hubspotTimes.size() || s < salesforceTimes.size()) {
            long elapsed = (System.nanoTime() - startedNanos) / 1_000_000;
            boolean hubspotDue = h < hubspotTimes.size() && hubspotTimes.get(h) <= elapsed;
            boolean salesforceDue = s < salesforceTimes.size() && salesforceTimes.get(s) <= elapsed;
            if (hubspotDue || salesforceDue) {
                int person = persons.get(next++ % persons.size());
                String value = String.format(Locale.ROOT, "+44 20 %04d %04d", next, person % 10_000);
                if (hubspotDue) {
                    watch.editInHubSpot(people.hubspotId(person), people.salesforceId(person), value);
                    h++;
                } else {
                    watch.editInSalesforce(people.hubspotId(person), people.salesforceId(person), value);
                    s++;
                }
                continue;
            }
            watch.checkArrivals();
            EditWatch.pause(20);
        }
    }

    private static BenchResult failed(int people, String why) {
        return new BenchResult("steady", people, 0, OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), PeakHeap.megabytes(), false, why);
    }
}
