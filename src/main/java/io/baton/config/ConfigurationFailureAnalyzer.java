package io.baton.config;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Prints a configuration failure as the list of its problems, with no stack trace. Ordered ahead
 * of Spring Boot's own analyzers so a binding failure of Baton's records reads the same way.
 */
public class ConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

    static final String ACTION = """
            Fix each key listed above in the file named before it. The commented example files in \
            config/ document every option; secrets come from the environment variables named. \
            Check again with: java -jar baton.jar validate""";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return ConfigFailures.problems(failure)
                .map(problems -> new FailureAnalysis(InvalidConfigurationException.describe(problems), ACTION, failure))
                .orElse(null);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
