package io.baton.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar baton.jar bench [--scenario backfill|steady|engine] [--records N] [--minutes M] [--json]}
 * (DESIGN §3): runs each scenario against its own in-process sandbox and prints one row per
 * scenario. Exit 0 when every scenario's end state checked out, 1 when one did not, 2 for a
 * command line it cannot understand.
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageException e) {
            err.println("baton bench: " + e.getMessage() + "\n" + BenchOptions.USAGE);
            return 2;
        }
        List<BenchResult> rows = new ArrayList<>();
        for (BenchOptions.Scenario scenario : options.scenarios()) {
            Progress.say("%s: starting", scenario.label());
            BenchResult row = switch (scenario) {
                case BACKFILL -> BackfillScenario.run(options.recordsOr(BackfillScenario.DEFAULT_RECORDS));
                case STEADY -> SteadyScenario.run(options.recordsOr(SteadyScenario.DEFAULT_RECORDS), options.minutes());
                case ENGINE -> EngineScenario.run(options.recordsOr(EngineScenario.DEFAULT_RECORDS));
            };
            Progress.say("%s: done in %.1f s — %s", scenario.label(), row.wallSeconds(), row.check());
            rows.add(row);
        }
        out.print(options.json() ? BenchTable.json(rows) : BenchTable.text(rows));
        out.flush();
        return rows.stream().allMatch(BenchResult::passed) ? 0 : 1;
    }
}
