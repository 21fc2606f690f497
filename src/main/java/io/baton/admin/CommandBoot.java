package io.baton.admin;

import io.baton.BatonApplication;
import io.baton.config.ConfigFailures;
import io.baton.config.ConfigProblem;
import io.baton.config.InvalidConfigurationException;
import io.baton.config.SecretMasker;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How a one-shot command ({@code validate}, {@code plan}) starts Baton: no web server, no route
 * running, and a start that fails answered on the command's error stream in one readable message —
 * every config problem by file and key, or the causes of a service that could not start, with
 * secrets masked — instead of Boot's failure report and a stack trace.
 */
final class CommandBoot {

    /** What became of the start: the context, or why there is none. */
    sealed interface Started permits Running, BadConfig, CouldNotStart {
    }

    record Running(ConfigurableApplicationContext context) implements Started {
    }

    /** The files are not valid; the problems are printed. */
    record BadConfig() implements Started {
    }

    /** Valid files, but something they point at did not start; the causes are printed. */
    record CouldNotStart() implements Started {
    }

    /** The command prints the problems itself; Boot's failure report would print them a second time. */
    private static final String FAILURE_REPORTER = "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter";

    private CommandBoot() {
    }

    /**
     * Starts Baton for {@code command} with these extra properties; on failure prints
     * "{@code <command>: configuration is not valid}" after the problems, or
     * "{@code <command>: the service could not start: <causes>}".
     */
    static Started start(String command, String[] args, PrintStream err, String... properties) {
        // A missing imported file fails before Spring sets up logging from the properties, so the
        // report is silenced directly too.
        LoggingSystem logging = LoggingSystem.get(CommandBoot.class.getClassLoader());
        logging.setLogLevel(FAILURE_REPORTER, LogLevel.OFF);
        List<String> all = new ArrayList<>(List.of("camel.main.auto-startup=false", "baton.command=" + command,
                "logging.level." + FAILURE_REPORTER + "=off"));
        all.addAll(List.of(properties));
        try {
            return new Running(new SpringApplicationBuilder(BatonApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(all.toArray(String[]::new))
                    .logStartupInfo(false)
                    .run(args));
        } catch (RuntimeException e) {
            Optional<List<ConfigProblem>> problems = ConfigFailures.problems(e);
            if (problems.isPresent()) {
                err.println(InvalidConfigurationException.describe(problems.get()));
                err.println(command + ": configuration is not valid");
                return new BadConfig();
            }
            err.println(command + ": the service could not start: " + masked(e, args));
            return new CouldNotStart();
        } finally {
            logging.setLogLevel(FAILURE_REPORTER, null);
        }
    }

    /** The messages of a failure and its causes, one line, without a stack trace or a secret. */
    static String masked(Throwable e, String[] args) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
                text.append(text.length() == 0 ? "" : " ← ").append(t.getMessage());
            }
        }
        return SecretMasker.of(System.getenv(), args).mask(text.length() == 0 ? e.getClass().getSimpleName() : text.toString());
    }
}
