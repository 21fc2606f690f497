package io.baton.bench;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Backfill: {@code each} HubSpot contacts and {@code each} Salesforce Leads, half of them the same
 * people, synced from nothing with the published limits on (sandbox defaults) and the routes off:
 * the command drives {@code SyncLoop.syncUntilQuiet} as the first pass of a new install would.
 */
final class BackfillScenario {

    static final int DEFAULT_RECORDS = 100_000;
    static final double OVERLAP = 0.5;
    /** Rounds of both directions; a backfill is quiet after two or three. */
    private static final int MAX_ROUNDS = 20;

    private BackfillScenario() {
    }

    static BenchResult run(int each) {
        try (BenchService service = BenchService.start("backfill", Map.of(
                "baton.sync.enabled", "false",
                "baton.sync.max-pages-per-run", 1_000_000,
                "baton.hubspot.search-settle-time", "0s",
                "baton.salesforce.change-settle-time", "0s"))) {
            BenchPeople people = new BenchPeople(service.sandbox(), each, OVERLAP);
            people.seed();
            Progress.say("backfill: seeded %,d HubSpot contacts and %,d Salesforce Leads (%,d shared); syncing",
                    each, each, people.shared());
            long callsBefore = service.apiCalls();
            PeakHeap.reset();
            long started = System.nanoTime();
            service.sync().syncUntilQuiet(MAX_ROUNDS);
            double seconds = (System.nanoTime() - started) / 1e9;
            double heap = PeakHeap.megabytes();
            long calls = service.apiCalls() - callsBefore;
            Progress.say("backfill: calls by endpoint: %s", service.callsByEndpoint());
            CallBudget budget = new BackfillMinimum(people,
                    service.sandboxSettings().toSettings().salesforce().queryBatchSize()).budget();
            double ceiling = people.seeded() / budget.bindingSeconds(RateLimits.of(service.sandboxSettings()));
            Progress.say("backfill: minimum %s; binding limit %s", budget,
                    budget.bindingLimit(RateLimits.of(service.sandboxSettings())));
            String problems = people.problems(service.activeLinks(), service.openDeadLetters());
            String check = problems.isEmpty()
                    ? people.people() + " people once on each side, no duplicate, no dead letter"
                    : problems;
            return new BenchResult("backfill", people.seeded(), seconds, OptionalDouble.of(ceiling),
                    OptionalLong.of(calls), OptionalLong.of(budget.total()), OptionalDouble.empty(),
                    OptionalDouble.empty(), heap, problems.isEmpty(), check);
        }
    }
}
