package io.baton.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.baton.config.CandidateRules;
import io.baton.config.InvalidConfigurationException;
import io.baton.sync.PlanReport;
import io.baton.sync.SyncPlanner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code java -jar baton.jar plan [--config=FOLDER] [--full] [--json]}: the dry run
 * ({@link SyncPlanner}) from the command line — starts Baton without its routes, plans, prints and
 * exits. {@code --config} plans with the candidate rule files in FOLDER, {@code --full} plans a
 * re-baseline, {@code --json} prints everything as JSON. Exit 0 when planned, 2 for bad config
 * (running or candidate), 3 when the plan could not be made or stopped early (a CRM refused, a
 * budget was spent).
 */
public final class PlanCommand {

    static final int OK = 0;
    static final int BAD_CONFIG = 2;
    static final int NOT_PLANNED = 3;

    private PlanCommand() {
    }

    /** The command's own options, and the rest for Spring. */
    record Options(Optional<Path> candidate, boolean full, boolean json, String[] spring) {

        static Options parse(String[] args) {
            Optional<Path> candidate = Optional.empty();
            boolean full = false;
            boolean json = false;
            List<String> spring = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--json")) {
                    json = true;
                } else if (arg.equals("--full")) {
                    full = true;
                } else if (arg.startsWith("--config=")) {
                    candidate = Optional.of(Path.of(arg.substring("--config=".length())));
                } else if (arg.equals("--config")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--config needs a folder: --config=FOLDER");
                    }
                    candidate = Optional.of(Path.of(args[++i]));
                } else {
                    spring.add(arg);
                }
            }
            return new Options(candidate, full, json, spring.toArray(String[]::new));
        }
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("plan: " + e.getMessage());
            return BAD_CONFIG;
        }
        CommandBoot.Started started = CommandBoot.start("plan", options.spring(), err,
                // The plan is the output: Boot logs to stdout, so with --json it must stay silent.
                "logging.level.root=" + (options.json() ? "off" : "warn"));
        if (!(started instanceof CommandBoot.Running running)) {
            return started instanceof CommandBoot.BadConfig ? BAD_CONFIG : NOT_PLANNED;
        }
        try (ConfigurableApplicationContext context = running.context()) {
            SyncPlanner planner = context.getBean(SyncPlanner.class);
            PlanReport report;
            try {
                report = options.candidate().isPresent()
                        ? planner.plan(CandidateRules.load(options.candidate().get(),
                                context.getBean(ConfigurableEnvironment.class)), options.full())
                        : planner.plan(options.full());
            } catch (InvalidConfigurationException e) {
                err.println(InvalidConfigurationException.describe(e.problems()));
                err.println("plan: the candidate configuration is not valid");
                return BAD_CONFIG;
            } catch (RuntimeException e) {
                err.println("plan: could not be made: " + CommandBoot.masked(e, args));
                return NOT_PLANNED;
            }
            if (options.json()) {
                ObjectMapper mapper = context.getBean(ObjectMapper.class).copy().enable(SerializationFeature.INDENT_OUTPUT);
                out.println(mapper.writeValueAsString(PlanView.json(report, Integer.MAX_VALUE)));
            } else {
                out.println(PlanView.text(report));
            }
            return report.incomplete() == null ? OK : NOT_PLANNED;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println("plan: could not print the plan as JSON: " + e.getOriginalMessage());
            return NOT_PLANNED;
        }
    }
}
