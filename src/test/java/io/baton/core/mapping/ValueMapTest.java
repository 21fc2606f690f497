package io.baton.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueMapTest {

    private static final ValueMap STATUS = new ValueMap("lead-status", List.of(
            new ValueMap.Pair("NEW", "Open - Not Contacted"),
            new ValueMap.Pair("ATTEMPTED_TO_CONTACT", "Working - Contacted"),
            new ValueMap.Pair("CONNECTED", "Working - Contacted")));

    @Test
    void translatesBothWays() {
        assertThat(STATUS.toSalesforce("hs_lead_status", "NEW").value()).contains("Open - Not Contacted");
        assertThat(STATUS.toHubspot("Status", "Open - Not Contacted").value()).contains("NEW");
    }

    @Test
    void severalHubSpotValuesShareOneSalesforceValueAndTheFirstPairWinsGoingBack() {
        assertThat(STATUS.toSalesforce("hs_lead_status", "CONNECTED").value()).contains("Working - Contacted");
        assertThat(STATUS.toHubspot("Status", "Working - Contacted").value()).contains("ATTEMPTED_TO_CONTACT");
    }

    @Test
    void anUnmappedHubSpotValueIsAnErrorNamingFieldValueAndMap() {
        Translated out = STATUS.toSalesforce("hs_lead_status", "BAD_TIMING");

        assertThat(out.failed()).isTrue();
        assertThat(out.value()).isEmpty();
        assertThat(out.issues()).singleElement().satisfies(i -> {
            assertThat(i.isError()).isTrue();
            assertThat(i.field()).isEqualTo("hs_lead_status");
            assertThat(i.message()).contains("'BAD_TIMING'").contains("lead-status");
        });
    }

    @Test
    void anUnmappedSalesforceValueIsAnErrorToo() {
        Translated out = STATUS.toHubspot("Status", "Closed - Converted");

        assertThat(out.hasError()).isTrue();
        assertThat(out.issues().get(0).message()).contains("'Closed - Converted'");
    }

    @Test
    void oneHubSpotValueCannotMeanTwoSalesforceValues() {
        assertThatThrownBy(() -> new ValueMap("x", List.of(new ValueMap.Pair("A", "1"), new ValueMap.Pair("A", "2"))))
                .hasMessageContaining("'A'");
    }
}
