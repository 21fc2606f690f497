package io.baton.admin;

import io.baton.BatonApplication;
import io.baton.config.ConfigFailures;
import io.baton.config.ConfigProblem;
import io.baton.config.InvalidConfigurationException;
import io.baton.config.SecretMasker;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar baton.jar validate}: first every config file (all problems at once, no stack
 * trace), then each connection. Exit 0 when all is well, 2 for bad config, 3 for a connection
 * that does not answer (or anything else that stops the service starting with valid files).
 */
public final class ValidateCommand {

    static final int OK = 0;
    static final int BAD_CONFIG = 2;
    static final int CONNECTION_DOWN = 3;

    /**
     * This command prints the problems itself, on its error stream; Boot's failure report would
     * print them a second time.
     */
    private static final String FAILURE_REPORTER = "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter";
    private static final String QUIET_FAILURE_REPORT = "logging.level." + FAILURE_REPORTER + "=off";

    private ValidateCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ConfigurableApplicationContext context;
        // A missing imported file fails before Spring sets up logging from the properties, so the
        // report is silenced directly too.
        LoggingSystem logging = LoggingSystem.get(ValidateCommand.class.getClassLoader());
        logging.setLogLevel(FAILURE_REPORTER, LogLevel.OFF);
        try {
            context = new SpringApplicationBuilder(BatonApplication.class)
                    .web(WebApplicationType.NONE)
                    // Look, don't touch: no routes run and the store is not migrated.
                    .properties("camel.main.auto-startup=false", "spring.flyway.enabled=false",
                            "baton.command=validate", QUIET_FAILURE_REPORT)
                    .logStartupInfo(false)
                    .run(args);
        } catch (RuntimeException e) {
            Optional<List<ConfigProblem>> problems = ConfigFailures.problems(e);
            if (problems.isPresent()) {
                err.println(InvalidConfigurationException.describe(problems.get()));
                err.println("validate: configuration is not valid");
                return BAD_CONFIG;
            }
            // The files were valid (they are checked first); something they point at was not.
            out.println("config: valid");
            err.println("validate: the service could not start: "
                    + SecretMasker.of(System.getenv(), args).mask(causes(e)));
            return CONNECTION_DOWN;
        } finally {
            logging.setLogLevel(FAILURE_REPORTER, null);
        }
        try (context) {
            out.println("config: valid");
            List<ConnectionCheck> checks = context.getBean(ConnectionChecks.class).all();
            boolean allOk = true;
            for (ConnectionCheck check : checks) {
                allOk &= check.ok();
                out.println(format(check));
            }
            return allOk ? OK : CONNECTION_DOWN;
        }
    }

    /** The messages of a failure and its causes, one line, without a stack trace. */
    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
                text.append(text.length() == 0 ? "" : " ← ").append(t.getMessage());
            }
        }
        return text.length() == 0 ? e.getClass().getSimpleName() : text.toString();
    }

    static String format(ConnectionCheck check) {
        return check.ok()
                ? "connection " + check.name() + ": ok " + check.details()
                : "connection " + check.name() + ": FAILED — " + check.error();
    }
}
