package io.baton.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code baton.admin.*}: the basic-auth user of the admin API; the password is a secret. */
@Validated
@ConfigurationProperties("baton.admin")
public record AdminProperties(
        @DefaultValue("admin") @NotBlank String username,
        String password) {

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", password=***]";
    }
}
