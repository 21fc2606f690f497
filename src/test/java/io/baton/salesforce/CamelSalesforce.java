package io.baton.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A real CamelContext with the camel-salesforce component pointed at a local server (the sandbox
 * or WireMock), configured as STACK.md says, and the gateway on top of it.
 */
public final class CamelSalesforce implements AutoCloseable {

    private final DefaultCamelContext camel;
    private final SalesforceGateway gateway;

    private CamelSalesforce(DefaultCamelContext camel) {
        this.camel = camel;
        this.gateway = new SalesforceGateway(camel.createProducerTemplate());
    }

    public static CamelSalesforce at(String loginUrl) {
        SalesforceComponent component = new SalesforceComponent();
        component.setLoginUrl(loginUrl);
        component.setAuthenticationType(AuthenticationType.USERNAME_PASSWORD);
        component.setClientId("demo");
        component.setClientSecret("demo");
        component.setUserName("demo@baton.local");
        component.setPassword("demo");
        component.setLazyLogin(true);
        SalesforceEndpointConfig config = new SalesforceEndpointConfig();
        config.setApiVersion("60.0");
        config.setRawPayload(true);
        component.setConfig(config);
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.addComponent("salesforce", component);
        camel.start();
        return new CamelSalesforce(camel);
    }

    /**
     * The component against a WireMock server that answers the OAuth login as Salesforce does
     * (STACK.md: the identity URL must look real, 18-character org and user ids, or the component fails).
     */
    static CamelSalesforce atWireMock(WireMockServer wire) {
        String base = "http://localhost:" + wire.port();
        wire.stubFor(post(urlPathEqualTo("/services/oauth2/token")).willReturn(okJson("{\"access_token\":\"tok\","
                + "\"instance_url\":\"" + base + "\",\"id\":\"" + base + "/id/00DRO0000000001AAA/005RO0000000002AAA\","
                + "\"token_type\":\"Bearer\",\"issued_at\":\"1767225600000\",\"signature\":\"sig\"}")));
        wire.stubFor(post(urlPathEqualTo("/services/oauth2/revoke")).willReturn(aResponse().withStatus(200)));
        wire.stubFor(get(urlPathEqualTo("/services/oauth2/revoke")).willReturn(aResponse().withStatus(200)));
        return at(base);
    }

    public SalesforceGateway gateway() {
        return gateway;
    }

    public DefaultCamelContext context() {
        return camel;
    }

    @Override
    public void close() {
        camel.stop();
    }
}
