package io.baton.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.core.mapping.InclusionFilter.Condition;
import io.baton.core.mapping.InclusionFilter.Decision;
import io.baton.core.mapping.InclusionFilter.Operator;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InclusionFilterTest {

    private static CrmRecord contact(Map<String, String> fields) {
        return new CrmRecord(RecordRef.hubspotContact("1"), Instant.EPOCH, fields);
    }

    private static InclusionFilter minStage(String stage) {
        return new InclusionFilter("lifecyclestage", LifecycleValueMapTest.STAGES, Optional.of(stage), List.of());
    }

    private static Decision only(Condition condition, Map<String, String> fields) {
        return new InclusionFilter("lifecyclestage", LifecycleValueMapTest.STAGES, Optional.empty(), List.of(condition))
                .evaluate(contact(fields));
    }

    @Test
    void contactsAtOrPastTheMinimumStageAreIncluded() {
        assertThat(minStage("mql").evaluate(contact(Map.of("lifecyclestage", "marketingqualifiedlead"))).included()).isTrue();
        assertThat(minStage("mql").evaluate(contact(Map.of("lifecyclestage", "salesqualifiedlead"))).included()).isTrue();
    }

    @Test
    void contactsBeforeTheMinimumStageAreExcludedWithAReason() {
        Decision decision = minStage("mql").evaluate(contact(Map.of("lifecyclestage", "lead")));

        assertThat(decision.included()).isFalse();
        assertThat(decision.reason()).isEqualTo("stage lead is before mql");
    }

    @Test
    void contactsWithoutUnknownOrExitStagesAreExcluded() {
        assertThat(minStage("mql").evaluate(contact(Map.of())).reason()).contains("no lifecycle stage");
        assertThat(minStage("mql").evaluate(contact(Map.of("lifecyclestage", "evangelist"))).reason()).contains("unknown");
        assertThat(minStage("mql").evaluate(contact(Map.of("lifecyclestage", "other"))).reason()).contains("off the forward path");
    }

    @Test
    void equalsMatchesAnyValueIgnoringCase() {
        Condition c = new Condition("country", Operator.EQUALS, List.of("DE", "AT"));

        assertThat(only(c, Map.of("country", "at")).included()).isTrue();
        assertThat(only(c, Map.of("country", "FR")).included()).isFalse();
        assertThat(only(c, Map.of()).included()).isFalse();
    }

    @Test
    void notEqualsExcludesListedValuesAndKeepsBlanks() {
        Condition optOut = new Condition("hs_email_optout", Operator.NOT_EQUALS, List.of("true"));

        assertThat(only(optOut, Map.of("hs_email_optout", "true")).reason()).isEqualTo("condition not met: hs_email_optout not-equals [true]");
        assertThat(only(optOut, Map.of("hs_email_optout", "false")).included()).isTrue();
        assertThat(only(optOut, Map.of()).included()).isTrue();
    }

    @Test
    void isSetAndIsBlankLookAtPresence() {
        Condition set = new Condition("phone", Operator.IS_SET, List.of());
        Condition blank = new Condition("phone", Operator.IS_BLANK, List.of());

        assertThat(only(set, Map.of("phone", "1")).included()).isTrue();
        assertThat(only(set, Map.of("phone", " ")).included()).isFalse();
        assertThat(only(blank, Map.of("phone", " ")).included()).isTrue();
        assertThat(only(blank, Map.of("phone", "1")).included()).isFalse();
    }

    @Test
    void theFilterReadsTheStagePropertyAndTheConditionProperties() {
        InclusionFilter filter = new InclusionFilter("lifecyclestage", LifecycleValueMapTest.STAGES, Optional.of("mql"),
                List.of(new Condition("hs_email_optout", Operator.NOT_EQUALS, List.of("true"))));

        assertThat(filter.properties()).containsExactly("lifecyclestage", "hs_email_optout");
    }

    @Test
    void aMinimumStageOffTheForwardPathIsAConfigurationError() {
        assertThatThrownBy(() -> minStage("recycled")).hasMessageContaining("min-stage 'recycled'");
    }
}
