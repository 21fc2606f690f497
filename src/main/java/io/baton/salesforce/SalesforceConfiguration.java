package io.baton.salesforce;

import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Salesforce gateway. The connection itself is camel-salesforce's own
 * ({@code camel.component.salesforce.*}); the gateway only needs Camel's producer.
 */
@Configuration(proxyBeanMethods = false)
public class SalesforceConfiguration {

    @Bean
    SalesforceGateway salesforceGateway(ProducerTemplate producerTemplate) {
        return new SalesforceGateway(producerTemplate);
    }
}
