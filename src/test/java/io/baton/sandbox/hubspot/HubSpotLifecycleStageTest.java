package io.baton.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.sandbox.hubspot.HubSpotFixture.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A.5: lifecyclestage only moves forward for API writes; "" clears, then an earlier stage may be set. */
class HubSpotLifecycleStageTest {

    private static final String CONTACTS = HubSpotFixture.CONTACTS;
    private HubSpotFixture hs = new HubSpotFixture();

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void backwardLifecycleStageIsSilentlyIgnoredUnlessClearedFirst() {
        String id = hs.create(Map.of("email", "ann@x.com", "lifecyclestage", "opportunity"));

        Reply backwards = hs.patch(CONTACTS + "/" + id, Map.of("properties", Map.of("lifecyclestage", "lead")));
        assertThat(backwards.status()).isEqualTo(200);
        assertThat(stage(id)).isEqualTo("opportunity");

        assertThat(hs.patch(CONTACTS + "/" + id, Map.of("properties", Map.of("lifecyclestage", ""))).status()).isEqualTo(200);
        assertThat(stage(id)).isNull();
        hs.patch(CONTACTS + "/" + id, Map.of("properties", Map.of("lifecyclestage", "lead")));
        assertThat(stage(id)).isEqualTo("lead");
    }

    @Test
    void forwardMovesApplyAndStampTheStageDate() {
        String id = hs.create(Map.of("email", "ann@x.com", "lifecyclestage", "lead"));
        hs.clock.advance(Duration.ofSeconds(3));

        hs.patch(CONTACTS + "/" + id, Map.of("properties", Map.of("lifecyclestage", "customer")));

        var props = hs.get(CONTACTS + "/" + id + "?properties=lifecyclestage,hs_lifecyclestage_customer_date,"
                + "hs_lifecyclestage_lead_date").json().path("properties");
        assertThat(props.path("lifecyclestage").asText()).isEqualTo("customer");
        assertThat(props.path("hs_lifecyclestage_customer_date").asText()).isEqualTo("2024-06-01T08:00:03.000Z");
        assertThat(props.path("hs_lifecyclestage_lead_date").asText()).isEqualTo("2024-06-01T08:00:00.000Z");
    }

    @Test
    void backwardSetInABatchUpsertIsIgnoredToo() {
        hs.create(Map.of("email", "ann@x.com", "lifecyclestage", "customer"));

        Reply r = hs.post(CONTACTS + "/batch/upsert", Map.of("inputs", java.util.List.of(Map.of("idProperty", "email",
                "id", "ann@x.com", "properties", Map.of("lifecyclestage", "subscriber")))));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("results").get(0).path("properties").path("lifecyclestage").asText()).isEqualTo("customer");
    }

    @Test
    void aMarketerInTheUiMayMoveBackwards() {
        String id = hs.create(Map.of("email", "ann@x.com", "lifecyclestage", "customer"));

        hs.store().setFromUi(id, Map.of("lifecyclestage", "lead"));

        assertThat(stage(id)).isEqualTo("lead");
    }

    @Test
    void portalsWithoutTheForwardOnlyRuleAcceptBackwardSets() {
        hs.close();
        hs = new HubSpotFixture(HubSpotSandboxSettings.defaults().withLifecycleForwardOnly(false));
        String id = hs.create(Map.of("email", "ann@x.com", "lifecyclestage", "customer"));

        hs.patch(CONTACTS + "/" + id, Map.of("properties", Map.of("lifecyclestage", "lead")));

        assertThat(stage(id)).isEqualTo("lead");
    }

    private String stage(String id) {
        var v = hs.get(CONTACTS + "/" + id + "?properties=lifecyclestage").json().path("properties").get("lifecyclestage");
        return v == null || v.isNull() ? null : v.asText();
    }
}
