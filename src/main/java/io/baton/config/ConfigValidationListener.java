package io.baton.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Validates the configuration as soon as Spring has read every file, before any bean binds it; on
 * problems startup stops with an {@link InvalidConfigurationException}, which
 * {@link ConfigurationFailureAnalyzer} prints without a stack trace. Runs last among the
 * environment listeners, so the files are loaded and logging is set up. The {@code sandbox}
 * command needs none of Baton's connections, so it is not held to them.
 */
public class ConfigValidationListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String COMMAND = "baton.command";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if ("sandbox".equals(environment.getProperty(COMMAND))) {
            return;
        }
        List<ConfigProblem> problems = ConfigValidator.forBaton(Path.of("")).validate(environment);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
