package io.baton.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransformTest {

    @Test
    void parsesTheConfigNames() {
        assertThat(Transform.parse("trim")).isEqualTo(Transform.TRIM_VALUE);
        assertThat(Transform.parse("lower-case")).isEqualTo(Transform.LOWER);
        assertThat(Transform.parse("upper-case")).isEqualTo(Transform.UPPER);
        assertThat(Transform.parse("truncate:255")).isEqualTo(Transform.truncate(255));
        assertThat(Transform.parse("truncate:40")).hasToString("truncate:40");
    }

    @Test
    void unknownNamesAndZeroLengthsAreRejected() {
        assertThatThrownBy(() -> Transform.parse("snake-case")).hasMessageContaining("unknown transform 'snake-case'");
        assertThatThrownBy(() -> Transform.parse("truncate:0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transform.parse("truncate")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stepsApplyInOrder() {
        Translated out = Transform.applyAll(List.of(Transform.TRIM_VALUE, Transform.LOWER), "email", "  Ann@Acme.COM ");

        assertThat(out.value()).contains("ann@acme.com");
        assertThat(out.issues()).isEmpty();
        assertThat(Transform.UPPER.apply("abc")).isEqualTo("ABC");
    }

    @Test
    void truncationKeepsTheFirstCharactersAndWarns() {
        Translated out = Transform.applyAll(List.of(Transform.truncate(4)), "jobtitle", "Director");

        assertThat(out.value()).contains("Dire");
        assertThat(out.issues()).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(RecordIssue.Severity.WARNING);
            assertThat(i.field()).isEqualTo("jobtitle");
            assertThat(i.message()).isEqualTo("value of 8 characters truncated to 4");
        });
    }

    @Test
    void aValueWithinTheLengthIsNotWarnedAbout() {
        assertThat(Transform.applyAll(List.of(Transform.truncate(8)), "jobtitle", "Director").issues()).isEmpty();
    }

    @Test
    void theChainRunsUntilTheValueSettlesSoStoredValuesComeBackUnchanged() {
        List<Transform> chain = List.of(Transform.TRIM_VALUE, Transform.truncate(4));
        Translated once = Transform.applyAll(chain, "company", "abc def");

        assertThat(once.value()).contains("abc");
        assertThat(Transform.applyAll(chain, "company", once.value().get()).value()).isEqualTo(once.value());
    }

    @Test
    void aValueThatTransformsToBlankIsBlank() {
        assertThat(Transform.applyAll(List.of(Transform.TRIM_VALUE), "phone", "   ").value()).isEmpty();
    }

    @Test
    void truncationCountsCharactersNotUtf16Units() {
        assertThat(Transform.truncate(2).apply("😀😀😀")).isEqualTo("😀😀");
    }
}
