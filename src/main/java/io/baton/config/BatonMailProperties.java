package io.baton.config;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code baton.mail.*}: how alert mail presents itself (the server itself is {@code spring.mail.*}). */
@Validated
@ConfigurationProperties("baton.mail")
public record BatonMailProperties(
        @DefaultValue("baton@localhost") @NotBlank @Email String from) {
}
