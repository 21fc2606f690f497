package io.baton.sandbox.boot;

import io.baton.sandbox.Sandbox;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar baton.jar sandbox}: only the simulated CRMs and the SMTP sink, until stopped, so
 * a separate Baton process ({@code --spring.profiles.active=local-sandbox}) can be killed and
 * restarted against the same state. Spring is used only to read {@code baton.sandbox.*} from the
 * usual places (config/application.yml, command-line options); nothing else starts.
 */
public final class SandboxCommand {

    private SandboxCommand() {
    }

    public static void run(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PropertiesOnly.class)
                .web(WebApplicationType.NONE)
                .properties("baton.command=sandbox")
                .logStartupInfo(false)
                .run(args);
        SandboxProperties properties = context.getBean(SandboxProperties.class);
        Sandbox sandbox = SandboxLauncher.launch(properties);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            context.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** No component scan, no auto-configuration: just the properties binding. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SandboxProperties.class)
    static class PropertiesOnly {
    }
}
