package io.baton.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.hubspot.HubSpotFixture.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A.4: the survivor keeps the primary id, lists merged ids, and the merged-away id resolves to it. */
class HubSpotMergeTest {

    private static final String CONTACTS = HubSpotFixture.CONTACTS;
    private final HubSpotFixture hs = new HubSpotFixture();

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void mergeKeepsPrimaryIdAndMergedIdResolvesToTheSurvivor() {
        String primary = hs.create(Map.of("email", "ann@x.com", "firstname", "Ann", "lifecyclestage", "lead"));
        String merged = hs.create(Map.of("email", "ann.lee@y.com", "firstname", "Annie", "phone", "+1 555",
                "lifecyclestage", "customer"));

        Reply r = hs.post(CONTACTS + "/merge", Map.of("primaryObjectId", primary, "objectIdToMerge", merged));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("id").asText()).isEqualTo(primary);
        assertThat(r.json().path("properties").path("hs_merged_object_ids").asText()).isEqualTo(merged);
        JsonNode resolved = hs.get(CONTACTS + "/" + merged + "?properties=firstname,phone,email,lifecyclestage").json();
        assertThat(resolved.path("id").asText()).isEqualTo(primary);
        assertThat(resolved.path("properties").path("firstname").asText()).isEqualTo("Ann");
        assertThat(resolved.path("properties").path("email").asText()).isEqualTo("ann@x.com");
        assertThat(resolved.path("properties").path("phone").asText()).isEqualTo("+1 555");
        assertThat(resolved.path("properties").path("lifecyclestage").asText()).isEqualTo("customer");
        assertThat(hs.get(CONTACTS + "/ann.lee@y.com?idProperty=email").json().path("id").asText()).isEqualTo(primary);
        assertThat(hs.store().count()).isEqualTo(1);
    }

    @Test
    void chainedMergesAccumulateIdsAndStillResolve() {
        String a = hs.create(Map.of("email", "a@x.com"));
        String b = hs.create(Map.of("email", "b@x.com"));
        String c = hs.create(Map.of("email", "c@x.com"));

        hs.store().merge(b, a);
        ContactSnapshot survivor = hs.store().merge(c, b);

        assertThat(survivor.id()).isEqualTo(c);
        assertThat(survivor.property("hs_merged_object_ids").split(";")).containsExactlyInAnyOrder(a, b);
        assertThat(hs.get(CONTACTS + "/" + a).json().path("id").asText()).isEqualTo(c);
    }

    @Test
    void batchReadOfAMergedIdReturnsTheSurvivorAndBatchUpdateSilentlySkipsIt() {
        String primary = hs.create(Map.of("email", "a@x.com"));
        String merged = hs.create(Map.of("email", "b@x.com"));
        hs.store().merge(primary, merged);

        Reply read = hs.post(CONTACTS + "/batch/read", Map.of("inputs", List.of(Map.of("id", merged))));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("results").get(0).path("id").asText()).isEqualTo(primary);

        Reply update = hs.post(CONTACTS + "/batch/update", Map.of("inputs",
                List.of(Map.of("id", merged, "properties", Map.of("firstname", "X")))));
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.json().path("results")).isEmpty();
        assertThat(update.json().has("errors")).isFalse();
    }

    @Test
    void mergingIntoItselfIs400AndUnknownIdsAre404() {
        String a = hs.create(Map.of("email", "a@x.com"));

        assertThat(hs.post(CONTACTS + "/merge", Map.of("primaryObjectId", a, "objectIdToMerge", a)).status()).isEqualTo(400);
        assertThat(hs.post(CONTACTS + "/merge", Map.of("primaryObjectId", a, "objectIdToMerge", "9999")).status())
                .isEqualTo(404);
        assertThat(hs.post(CONTACTS + "/merge", Map.of("primaryObjectId", a)).status()).isEqualTo(400);
    }
}
