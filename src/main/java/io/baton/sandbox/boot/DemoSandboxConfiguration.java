package io.baton.sandbox.boot;

import io.baton.sandbox.Sandbox;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo profile: the sandbox runs inside the service, started before anything talks to a CRM,
 * and stopped with it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@EnableConfigurationProperties(SandboxProperties.class)
public class DemoSandboxConfiguration {

    @Bean(destroyMethod = "close")
    Sandbox sandbox(SandboxProperties properties) {
        return SandboxLauncher.launch(properties);
    }
}
