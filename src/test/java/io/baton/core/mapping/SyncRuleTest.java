package io.baton.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyncRuleTest {

    @ParameterizedTest
    @EnumSource(SyncRule.class)
    void everyRuleParsesFromItsKebabName(SyncRule rule) {
        assertThat(SyncRule.parse(rule.kebabName())).contains(rule);
        assertThat(SyncRule.parse(" " + rule.kebabName().toUpperCase() + " ")).contains(rule);
    }

    @Test
    void kebabNamesAreTheConfigNames() {
        assertThat(SyncRule.PREFER_SALESFORCE_UNLESS_BLANK.kebabName()).isEqualTo("prefer-salesforce-unless-blank");
        assertThat(SyncRule.TWO_WAY).hasToString("two-way");
    }

    @Test
    void unknownOrSnakeCaseNamesDoNotParse() {
        assertThat(SyncRule.parse("two_way")).isEmpty();
        assertThat(SyncRule.parse(null)).isEmpty();
    }

    @Test
    void alwaysRulesWriteOnlyAwayFromTheirOwnerAndNoneNeverWrites() {
        assertThat(SyncRule.ALWAYS_SALESFORCE.writesTo(Side.HUBSPOT)).isTrue();
        assertThat(SyncRule.ALWAYS_SALESFORCE.writesTo(Side.SALESFORCE)).isFalse();
        assertThat(SyncRule.ALWAYS_HUBSPOT.writesTo(Side.SALESFORCE)).isTrue();
        assertThat(SyncRule.ALWAYS_HUBSPOT.writesTo(Side.HUBSPOT)).isFalse();
        assertThat(SyncRule.NONE.writesTo(Side.HUBSPOT) || SyncRule.NONE.writesTo(Side.SALESFORCE)).isFalse();
        assertThat(SyncRule.TWO_WAY.preferredSide()).isEmpty();
        assertThat(SyncRule.PREFER_HUBSPOT_UNLESS_BLANK.preferredSide()).contains(Side.HUBSPOT);
    }
}
