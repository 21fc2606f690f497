package io.baton.hubspot;

import io.baton.config.HubSpotProperties;
import io.baton.resilience.ApiGuards;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HubSpot client and what the sync builds on it: change reader, lookups, writer. */
@Configuration(proxyBeanMethods = false)
public class HubSpotConfiguration {

    @Bean
    HubSpotClient hubSpotClient(HubSpotProperties hubspot, ApiGuards guards) {
        String token = hubspot.accessToken() == null ? "" : hubspot.accessToken();
        return new HubSpotClient(new HubSpotConnection(hubspot.baseUrl(), token, hubspot.timeout()), guards.hubspot());
    }

    @Bean
    HubSpotWriter hubSpotWriter(HubSpotClient client) {
        return new HubSpotWriter(client);
    }

    @Bean
    HubSpotLookups hubSpotLookups(HubSpotClient client) {
        return new HubSpotLookups(client);
    }

    @Bean
    HubSpotChangeReader hubSpotChangeReader(HubSpotClient client, Clock clock, HubSpotProperties hubspot) {
        return new HubSpotChangeReader(client, clock, hubspot.searchSettleTime(), ContactSearch.MAX_LIMIT);
    }
}
