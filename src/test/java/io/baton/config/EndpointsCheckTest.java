package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain http only to this machine: the sandbox's loopback simulators, never a real CRM. */
class EndpointsCheckTest {

    @TempDir
    Path dir;

    @Test
    void theShippedHttpsEndpointsPass() {
        assertThat(new ConfigFixture(dir).messages()).isEmpty();
    }

    @Test
    void plainHttpToAnotherHostStopsStartupNamingTheKey() {
        var messages = new ConfigFixture(dir)
                .edit("application.yml", "base-url: https://api.hubapi.com", "base-url: http://api.hubapi.com")
                .edit("application.yml", "login-url: https://login.salesforce.com", "login-url: http://10.0.0.7:8092")
                .messages();

        assertThat(messages).anyMatch(m -> m.startsWith("config/application.yml: baton.hubspot.base-url: "
                + "'http://api.hubapi.com' uses plain http to api.hubapi.com: only https is allowed"));
        assertThat(messages).anyMatch(m -> m.startsWith("config/application.yml: camel.component.salesforce.login-url: "
                + "'http://10.0.0.7:8092' uses plain http to 10.0.0.7"));
    }

    @Test
    void plainHttpToLoopbackIsTheSandboxAndPasses() {
        var messages = new ConfigFixture(dir)
                .edit("application.yml", "base-url: https://api.hubapi.com", "base-url: http://127.0.0.1:8091")
                .edit("application.yml", "login-url: https://login.salesforce.com", "login-url: http://localhost:8092")
                .messages();

        assertThat(messages).isEmpty();
    }

    @Test
    void urlsWithoutAHostOrWithAnotherSchemeAreRefused() {
        assertThat(EndpointsCheck.problem("ftp://api.hubapi.com")).hasValueSatisfying(m -> m.contains("not an http(s) URL"));
        assertThat(EndpointsCheck.problem("api.hubapi.com")).hasValueSatisfying(m -> m.contains("not an http(s) URL"));
        assertThat(EndpointsCheck.problem("https://exa mple.com")).hasValueSatisfying(m -> m.contains("is not a URL"));
        assertThat(EndpointsCheck.problem("http://[::1]:8091")).isEmpty();
        assertThat(EndpointsCheck.problem("http://127.0.0.1.evil.example")).isPresent();
        assertThat(EndpointsCheck.problem("https://na1.my.salesforce.com")).isEmpty();
    }
}
