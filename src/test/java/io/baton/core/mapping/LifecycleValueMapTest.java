package io.baton.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleValueMapTest {

    static final LifecycleValueMap STAGES = new LifecycleValueMap(List.of(
            LifecycleStage.forward("subscriber", "subscriber", "Subscriber"),
            LifecycleStage.forward("lead", "lead", "Lead"),
            LifecycleStage.forward("mql", "marketingqualifiedlead", "MQL"),
            LifecycleStage.forward("sal", null, "SAL"),
            LifecycleStage.forward("sql", "salesqualifiedlead", "SQL"),
            LifecycleStage.exit("disqualified", "other", "Disqualified"),
            LifecycleStage.exit("recycled", null, "Recycled")));

    @Test
    void stagesTranslateThroughTheirValueInEachCrm() {
        assertThat(STAGES.toSalesforce("lifecyclestage", "marketingqualifiedlead").value()).contains("MQL");
        assertThat(STAGES.toHubspot("Lifecycle_Stage__c", "SQL").value()).contains("salesqualifiedlead");
        assertThat(STAGES.toHubspot("Lifecycle_Stage__c", "Disqualified").value()).contains("other");
    }

    @Test
    void aStageHubSpotLacksShowsAsTheNearestEarlierForwardStage() {
        assertThat(STAGES.toHubspot("Lifecycle_Stage__c", "SAL").value()).contains("marketingqualifiedlead");
    }

    @Test
    void anExitStageHubSpotLacksLeavesHubSpotAloneWithAWarning() {
        Translated out = STAGES.toHubspot("Lifecycle_Stage__c", "Recycled");

        assertThat(out.failed()).isTrue();
        assertThat(out.hasError()).isFalse();
        assertThat(out.issues().get(0).message()).contains("recycled");
    }

    @Test
    void anUnknownStageValueIsAnError() {
        Translated out = STAGES.toSalesforce("lifecyclestage", "evangelist");

        assertThat(out.hasError()).isTrue();
        assertThat(out.issues().get(0).message()).contains("'evangelist'");
    }

    @Test
    void forwardIndexFollowsTheOrderAndLeavesExitsOut() {
        assertThat(STAGES.forwardIndex("mql")).contains(2);
        assertThat(STAGES.forwardIndex("disqualified")).isEmpty();
    }
}
