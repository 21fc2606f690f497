package io.baton.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * camel-salesforce keeps certificate checks on as Baton configures it: a login server with a
 * self-signed certificate (WireMock's) is refused, so the password never reaches it.
 */
class SalesforceTlsTest {

    private WireMockServer wire;

    @BeforeEach
    void start() {
        wire = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        wire.start();
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    @Test
    void aLoginServerWithAnUntrustedCertificateIsRefused() {
        try (CamelSalesforce salesforce = CamelSalesforce.at("https://localhost:" + wire.httpsPort())) {
            Throwable refused = catchThrowable(() -> salesforce.gateway().dailyApiRequests());

            assertThat(refused).isNotNull();
            assertThat(wire.getAllServeEvents()).isEmpty();
        }
    }
}
