package io.baton.admin;

import io.baton.BatonApplication;
import java.io.PrintStream;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar baton.jar validate}: first every config file (all problems at once, no stack
 * trace), then each connection. Exit 0 when all is well, 2 for bad config, 3 for a connection
 * that does not answer.
 */
public final class ValidateCommand {

    static final int OK = 0;
    static final int BAD_CONFIG = 2;
    static final int CONNECTION_DOWN = 3;

    private ValidateCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(BatonApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("camel.main.auto-startup=false", "baton.command=validate")
                    .logStartupInfo(false)
                    .run(args);
        } catch (RuntimeException e) {
            // Invalid configuration was already reported, readably, by the startup failure analyzer.
            err.println("validate: configuration is not valid (see above)");
            return BAD_CONFIG;
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

    static String format(ConnectionCheck check) {
        return check.ok()
                ? "connection " + check.name() + ": ok " + check.details()
                : "connection " + check.name() + ": FAILED — " + check.error();
    }
}
