package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.lifecycle.BackwardMoves;
import io.baton.core.lifecycle.HubSpotFacts;
import io.baton.core.lifecycle.LifecyclePolicy;
import io.baton.core.lifecycle.SalesforceFacts;
import io.baton.core.lifecycle.Stage;
import io.baton.core.record.Side;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;

class LifecycleAssemblerTest {

    @TempDir
    Path dir;

    @Test
    void theShippedLifecycleReadsAsApiReferenceSuggests() {
        LifecycleProperties lifecycle = Binder.get(new ConfigFixture(dir).environment())
                .bindOrCreate("baton.lifecycle", LifecycleProperties.class);

        LifecyclePolicy policy = LifecycleAssembler.assemble(lifecycle);

        assertThat(policy.spec().forward()).extracting(Stage::name)
                .containsExactly("subscriber", "lead", "mql", "sal", "sql", "opportunity", "customer");
        assertThat(policy.spec().backwardMoves()).isEqualTo(BackwardMoves.CORRECT);
        assertThat(policy.spec().tieBreaker()).isEqualTo(Side.SALESFORCE);
        assertThat(policy.spec().fields().hubspotReasonProperty()).contains("baton_lifecycle_reason");
        assertThat(policy.spec().fields().salesforceReasonField()).contains("Lifecycle_Reason__c");
        assertThat(policy.read(HubSpotFacts.of("marketingqualifiedlead", "ATTEMPTED_TO_CONTACT")).map(Stage::name)).contains("sal");
        assertThat(policy.read(HubSpotFacts.of("lead", "BAD_TIMING")).map(Stage::name)).contains("recycled");
        assertThat(policy.read(SalesforceFacts.lead("MQL", "Open - Not Contacted")).map(Stage::name)).contains("mql");
        assertThat(policy.read(SalesforceFacts.lead(null, "Closed - Not Converted")).map(Stage::name)).contains("disqualified");
        assertThat(policy.read(SalesforceFacts.contact(null, io.baton.core.lifecycle.OpportunityState.WON)).map(Stage::name))
                .contains("customer");
        assertThat(policy.check(policy.stage("recycled"), policy.stage("lead").orElseThrow(), Optional.empty()).isRefused())
                .isTrue();
    }
}
