package io.baton.config;

import java.util.List;
import java.util.stream.Collectors;

/** Startup stops with this when the configuration has problems; it carries all of them at once. */
public class InvalidConfigurationException extends RuntimeException {

    private final transient List<ConfigProblem> problems;

    public InvalidConfigurationException(List<ConfigProblem> problems) {
        super(describe(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    /** A headline and one problem per line, the way the failure analyzer and {@code validate} print it. */
    public static String describe(List<ConfigProblem> problems) {
        String headline = "Baton's configuration has " + problems.size()
                + (problems.size() == 1 ? " problem:" : " problems:");
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", headline + "\n", ""));
    }
}
