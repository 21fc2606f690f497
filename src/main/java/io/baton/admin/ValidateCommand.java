package io.baton.admin;

import java.io.PrintStream;
import java.util.List;
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

    private ValidateCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        // Look, don't touch: no routes run and the store is not migrated.
        CommandBoot.Started started = CommandBoot.start("validate", args, err, "spring.flyway.enabled=false");
        if (started instanceof CommandBoot.BadConfig) {
            return BAD_CONFIG;
        }
        if (!(started instanceof CommandBoot.Running running)) {
            // The files were valid (they are checked first); something they point at was not.
            out.println("config: valid");
            return CONNECTION_DOWN;
        }
        try (ConfigurableApplicationContext context = running.context()) {
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
