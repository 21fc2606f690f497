package io.baton.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoqlLiteralsContainingTest {

    @Test
    void aContainsPatternEscapesQuotesAndLikeWildcards() {
        assertThat(SoqlLiterals.containing("acme.com")).isEqualTo("'%acme.com%'");
        assertThat(SoqlLiterals.containing("50%_o'k")).isEqualTo("'%50\\%\\_o\\'k%'");
    }
}
