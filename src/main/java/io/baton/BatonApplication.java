package io.baton;

import io.baton.admin.PlanCommand;
import io.baton.admin.ValidateCommand;
import io.baton.bench.BenchCommand;
import io.baton.sandbox.boot.SandboxCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Baton's entry point. With no command it runs the service; otherwise the first argument names a
 * command: {@code validate}, {@code sandbox}, {@code bench} or {@code plan}.
 */
@SpringBootApplication
public class BatonApplication {

    public static void main(String[] args) {
        String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "run";
        String[] rest = command.equals("run") ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "run" -> SpringApplication.run(BatonApplication.class, rest);
            case "validate" -> System.exit(ValidateCommand.run(rest));
            case "sandbox" -> SandboxCommand.run(rest);
            case "bench" -> System.exit(BenchCommand.run(rest));
            case "plan" -> System.exit(PlanCommand.run(rest));
            case "help", "--help" -> {
                System.out.println(usage());
                System.exit(0);
            }
            default -> {
                System.err.println("baton: unknown command '" + command + "'\n" + usage());
                System.exit(2);
            }
        }
    }

    private static String usage() {
        return """
                usage: java -jar baton.jar [command] [--key=value ...]
                  (no command)   run the sync service with ./config/application.yml
                  validate       check every config file and each connection; exit 0 when all is well
                  sandbox        run only the simulated HubSpot, Salesforce and SMTP sink until stopped
                  bench          benchmark against an in-process sandbox: bench [--scenario backfill|steady|engine]
                                 [--records N] [--minutes M] [--json]
                  plan           dry run: what the next sync would write, move, flag and fail; writes nothing:
                                 plan [--config=FOLDER (candidate rule files)] [--full (a re-baseline)] [--json]""";
    }
}
