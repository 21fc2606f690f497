package io.baton.salesforce;

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
