package io.baton.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebsiteDomainsTest {

    @ParameterizedTest
    @CsvSource({
            "acme.com, acme.com",
            "'  https://www.Acme.com/  ', acme.com",
            "http://acme.com/about?x=1#top, acme.com",
            "www.acme.com:443, acme.com",
            "https://user:pw@shop.acme.co.uk:8443/p, shop.acme.co.uk",
            "acme.com., acme.com",
            "ann@acme.com, acme.com"})
    void reducesWebsitesAndEmailDomainsToTheBareHost(String input, String domain) {
        assertThat(WebsiteDomains.normalise(input)).contains(domain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "localhost", "not a domain", "https://", ".com"})
    void findsNoDomainInWhatHasNoDottedHost(String input) {
        assertThat(WebsiteDomains.normalise(input)).isEmpty();
    }
}
