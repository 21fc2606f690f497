package io.baton.hubspot;

import io.baton.config.HubSpotProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HubSpot client and change reader, from {@code baton.hubspot.*}. */
@Configuration(proxyBeanMethods = false)
public class HubSpotConfiguration {

    @Bean
    HubSpotClient hubSpotClient(HubSpotProperties hubspot) {
        String token = hubspot.accessToken() == null ? "" : hubspot.accessToken();
        return new HubSpotClient(new HubSpotConnection(hubspot.baseUrl(), token, hubspot.timeout()));
    }

    @Bean
    HubSpotChangeReader hubSpotChangeReader(HubSpotClient client, Clock clock, HubSpotProperties hubspot) {
        return new HubSpotChangeReader(client, clock, hubspot.searchSettleTime(), ContactSearch.MAX_LIMIT);
    }
}
