package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void valuesOfSecretEnvironmentVariablesAndArgumentsAreMasked() {
        SecretMasker masker = SecretMasker.of(
                Map.of("HUBSPOT_ACCESS_TOKEN", "pat-na1-abcdef", "SALESFORCE_PASSWORD", "hunter22", "HOME", "/root"),
                new String[] {"--camel.component.salesforce.client-secret=s3cr3t-value", "--server.port=8080"});

        String masked = masker.mask("bind failed (clientSecret=s3cr3t-value) token pat-na1-abcdef, pw hunter22 in /root on 8080");

        assertThat(masked).isEqualTo("bind failed (clientSecret=****) token ****, pw **** in /root on 8080");
    }

    @Test
    void aSecretContainingAnotherIsMaskedWhole() {
        SecretMasker masker = SecretMasker.of(Map.of("A_TOKEN", "abcd", "B_TOKEN", "abcdefgh"), new String[0]);

        assertThat(masker.mask("x abcdefgh y abcd")).isEqualTo("x **** y ****");
    }

    @Test
    void veryShortValuesAreLeftAloneSoOrdinaryWordsSurvive() {
        SecretMasker masker = SecretMasker.of(Map.of("SMTP_PASSWORD", "on"), new String[0]);

        assertThat(masker.mask("logging on")).isEqualTo("logging on");
    }
}
