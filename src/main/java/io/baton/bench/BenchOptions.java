package io.baton.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The command line of {@code baton bench}: which scenarios (all three when none is named), how many
 * records (each scenario has its own default) and, for steady state, how many minutes.
 */
record BenchOptions(List<Scenario> scenarios, OptionalInt records, double minutes, boolean json) {

    static final double DEFAULT_MINUTES = 3;

    /** The scenarios, in the order they run when none is named. */
    enum Scenario {
        BACKFILL, STEADY, ENGINE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String USAGE = """
            usage: java -jar baton.jar bench [--scenario backfill|steady|engine] [--records N] [--minutes M] [--json]
              --scenario  one scenario (repeatable); none: all three
              --records   records per scenario (defaults: backfill 100000 each side, steady 10000, engine 1000000)
              --minutes   how long steady state runs (default 3)
              --json      one JSON object per line instead of the table""";

    /** Thrown for a command line that cannot be understood; the message says what and why. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    static BenchOptions parse(String[] args) {
        List<Scenario> scenarios = new ArrayList<>();
        OptionalInt records = OptionalInt.empty();
        double minutes = DEFAULT_MINUTES;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--json" -> json = true;
                case "--scenario" -> scenarios.add(scenario(value(args, i, arg)));
                case "--records" -> records = OptionalInt.of(positiveInt(name, value(args, i, arg)));
                case "--minutes" -> minutes = positiveNumber(name, value(args, i, arg));
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
            if (!arg.contains("=") && !name.equals("--json")) {
                i++;
            }
        }
        return new BenchOptions(scenarios.isEmpty() ? List.of(Scenario.values()) : List.copyOf(scenarios),
                records, minutes, json);
    }

    int recordsOr(int defaultRecords) {
        return records.orElse(defaultRecords);
    }

    /** The value of {@code --key value} or {@code --key=value}. */
    private static String value(String[] args, int i, String arg) {
        int eq = arg.indexOf('=');
        if (eq >= 0) {
            return arg.substring(eq + 1);
        }
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new UsageException("option '" + arg + "' needs a value");
        }
        return args[i + 1];
    }

    private static Scenario scenario(String value) {
        for (Scenario s : Scenario.values()) {
            if (s.label().equals(value)) {
                return s;
            }
        }
        throw new UsageException("--scenario: unknown scenario '" + value + "' (backfill, steady or engine)");
    }

    private static int positiveInt(String option, String value) {
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException(option + ": expected a whole number above 0, was '" + value + "'");
    }

    private static double positiveNumber(String option, String value) {
        try {
            double n = Double.parseDouble(value);
            if (n > 0 && Double.isFinite(n)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException(option + ": expected a number above 0, was '" + value + "'");
    }
}
