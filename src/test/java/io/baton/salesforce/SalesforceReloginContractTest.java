package io.baton.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.baton.core.record.CrmException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A session Salesforce keeps refusing after fresh logins: Baton logs in once more, then fails loudly. */
class SalesforceReloginContractTest {

    private WireMockServer wire;
    private CamelSalesforce camel;

    @BeforeEach
    void start() {
        wire = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wire.start();
        camel = CamelSalesforce.atWireMock(wire);
    }

    @AfterEach
    void stop() {
        camel.close();
        wire.stop();
    }

    @Test
    void aRefusalThatOutlivesANewLoginIsFatalWithoutTheSecret() {
        wire.stubFor(get(urlPathMatching("/services/data/v60.0/query/?")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));

        CrmException e = catchThrowableOfType(CrmException.class, () -> camel.gateway().query("SELECT Id FROM Lead"));

        assertThat(e.kind()).isEqualTo(CrmException.Kind.FATAL);
        // camel-salesforce hands on its own retry's 401 without the body's errorCode.
        assertThat(e.code()).isIn("INVALID_SESSION_ID", "HTTP_401");
        assertThat(e.getMessage()).contains("after a new login").doesNotContain("demo", "tok");
        int logins = wire.findAll(postRequestedFor(urlPathEqualTo("/services/oauth2/token"))).size();
        assertThat(logins).as("camel's own renewal plus Baton's one extra login").isGreaterThanOrEqualTo(2);
    }
}
