package io.baton.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class MillisPlaceholderTest {

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("baton.sync.simple", "1m")
            .withProperty("baton.sync.iso", "PT30S")
            .withProperty("baton.sync.plain", "250")
            .withProperty("baton.sync.blank", " ");
    private final MillisPlaceholder millis = new MillisPlaceholder(environment);

    @Test
    void everyDurationFormSpringAcceptsBecomesMilliseconds() {
        assertThat(millis.getName()).isEqualTo("millis");
        assertThat(millis.apply("baton.sync.simple")).isEqualTo("60000");
        assertThat(millis.apply("baton.sync.iso")).isEqualTo("30000");
        assertThat(millis.apply("baton.sync.plain")).isEqualTo("250");
    }

    @Test
    void aMissingKeyIsNamedInsteadOfBecomingZero() {
        assertThatThrownBy(() -> millis.apply("baton.sync.nothing"))
                .hasMessageContaining("{{millis:baton.sync.nothing}}");
        assertThatThrownBy(() -> millis.apply("baton.sync.blank"))
                .hasMessageContaining("no value configured");
    }
}
