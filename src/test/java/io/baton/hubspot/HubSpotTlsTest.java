package io.baton.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.baton.core.record.CrmException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Certificate checks are on: a server whose certificate no trusted authority signed (WireMock's
 * self-signed one) is refused before the token is sent, and nothing is ever asked of it.
 */
class HubSpotTlsTest {

    private WireMockServer wire;

    @BeforeEach
    void start() {
        wire = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        wire.start();
        wire.stubFor(post(urlPathEqualTo("/crm/v3/objects/contacts/search")).willReturn(okJson("{\"total\":3,\"results\":[]}")));
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    @Test
    void anUntrustedCertificateIsRefusedAndNoRequestArrives() {
        HubSpotClient client = new HubSpotClient(new HubSpotConnection(URI.create("https://localhost:" + wire.httpsPort()),
                "pat-na1-tls-test-token", Duration.ofSeconds(5)));

        CrmException refused = catchThrowableOfType(CrmException.class, client::countContacts);

        assertThat(refused).isNotNull();
        assertThat(refused.isRetriable()).isTrue();
        assertThat(refused.getMessage()).contains("HubSpot could not be reached").doesNotContain("tls-test-token");
        assertThat(wire.getAllServeEvents()).isEmpty();
    }

    @Test
    void theSameServerOverItsPlainPortAnswersSoTheRefusalIsTheCertificate() {
        HubSpotClient client = new HubSpotClient(new HubSpotConnection(URI.create("http://localhost:" + wire.port()),
                "pat-na1-tls-test-token", Duration.ofSeconds(5)));

        assertThat(client.countContacts()).isEqualTo(3);
    }
}
