package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> RULES = List.of("two-way", "prefer-salesforce-unless-blank",
            "prefer-hubspot-unless-blank", "always-salesforce", "always-hubspot", "none");

    @Test
    void suggestsTheClosestNameBySpellingAndSeparator() {
        assertThat(DidYouMean.closest("two_way", RULES)).contains("two-way");
        assertThat(DidYouMean.closest("alway-hubspot", RULES)).contains("always-hubspot");
        assertThat(DidYouMean.closest("acess-token", List.of("base-url", "access-token", "timeout"))).contains("access-token");
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        assertThat(DidYouMean.closest("salesforce-wins", RULES)).isEmpty();
        assertThat(DidYouMean.hint("xyz", RULES)).isEmpty();
    }
}
