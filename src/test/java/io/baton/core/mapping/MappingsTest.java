package io.baton.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.core.record.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingsTest {

    private static final Mappings MAPPINGS = Mappings.of(Side.SALESFORCE, List.of(
            FieldMapping.of("email", "Email", SyncRule.TWO_WAY),
            FieldMapping.of("company", "Company", SyncRule.PREFER_SALESFORCE_UNLESS_BLANK).onlyFor(SalesforceType.LEAD)));

    @Test
    void fieldsAreSelectedByTheSalesforceObject() {
        assertThat(MAPPINGS.fieldsFor(SalesforceType.LEAD)).hasSize(2);
        assertThat(MAPPINGS.salesforceFields(SalesforceType.CONTACT)).containsExactly("Email");
        assertThat(MAPPINGS.hubspotProperties()).containsExactly("email", "company");
    }

    @Test
    void aPropertyMappedTwiceIsRejected() {
        assertThatThrownBy(() -> Mappings.of(Side.HUBSPOT, List.of(FieldMapping.of("email", "Email", SyncRule.TWO_WAY),
                FieldMapping.of("email", "Email2", SyncRule.TWO_WAY)))).hasMessageContaining("email is mapped twice");
    }

    @Test
    void anUnknownValueMapIsRejected() {
        assertThatThrownBy(() -> Mappings.of(Side.HUBSPOT, List.of(
                FieldMapping.of("hs_lead_status", "Status", SyncRule.TWO_WAY).withValueMap("lead-status"))))
                .hasMessageContaining("unknown value map 'lead-status'");
    }
}
