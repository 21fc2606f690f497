package io.baton.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.sandbox.hubspot.HubSpotFixture.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotOwnersApiTest {

    private final HubSpotFixture hs = new HubSpotFixture();

    @BeforeEach
    void seed() {
        for (int i = 0; i < 8; i++) {
            hs.store().seedOwner("owner" + i + "@corp.example", "Owner", "No" + i);
        }
    }

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void ownersPageWithLimitAndAfter() {
        List<String> emails = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Reply r = hs.get("/crm/v3/owners?limit=3" + (after == null ? "" : "&after=" + after));
            assertThat(r.status()).isEqualTo(200);
            r.json().path("results").forEach(o -> emails.add(o.path("email").asText()));
            JsonNode next = r.json().path("paging").path("next").path("after");
            after = next.isMissingNode() ? null : URLEncoder.encode(next.asText(), StandardCharsets.UTF_8);
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(emails).hasSize(8).doesNotHaveDuplicates();
        assertThat(hs.get("/crm/v3/owners?limit=501").status()).isEqualTo(400);
    }

    @Test
    void ownersFilterByEmailAndReadById() {
        Reply r = hs.get("/crm/v3/owners?email=OWNER3@corp.example");

        JsonNode results = r.json().path("results");
        assertThat(results).hasSize(1);
        JsonNode owner = results.get(0);
        assertThat(owner.path("firstName").asText()).isEqualTo("Owner");
        assertThat(owner.path("lastName").asText()).isEqualTo("No3");
        assertThat(owner.path("type").asText()).isEqualTo("PERSON");
        assertThat(owner.path("userId").isNumber()).isTrue();
        assertThat(owner.path("archived").asBoolean()).isFalse();
        String id = owner.path("id").asText();
        assertThat(hs.get("/crm/v3/owners/" + id).json().path("email").asText()).isEqualTo("owner3@corp.example");
        assertThat(hs.get("/crm/v3/owners/1").status()).isEqualTo(404);
    }
}
