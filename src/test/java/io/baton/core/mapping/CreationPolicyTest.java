package io.baton.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CreationPolicyTest {

    private static final Map<String, String> ACCOUNTS = Map.of("acme.com", "001ACME", "gmail.com", "001GOOGLE");
    private static final Function<String, Optional<String>> LOOKUP = d -> Optional.ofNullable(ACCOUNTS.get(d));

    private static CreationPolicy.Decision decide(CreationPolicy.Mode mode, String email) {
        return CreationPolicy.of(mode).decide(Optional.ofNullable(email), LOOKUP);
    }

    @Test
    void aMatchingDomainMakesAContactOnThatAccount() {
        CreationPolicy.Decision d = decide(CreationPolicy.Mode.MATCH_ACCOUNT_DOMAIN, " Ann@ACME.com ");

        assertThat(d.type()).isEqualTo(SalesforceType.CONTACT);
        assertThat(d.accountId()).contains("001ACME");
        assertThat(d.reason()).contains("acme.com matches Account 001ACME");
    }

    @Test
    void aSubDomainMatchesItsParentsAccount() {
        assertThat(decide(CreationPolicy.Mode.MATCH_ACCOUNT_DOMAIN, "ann@eu.acme.com").accountId()).contains("001ACME");
    }

    @Test
    void noMatchingDomainMakesALead() {
        CreationPolicy.Decision d = decide(CreationPolicy.Mode.MATCH_ACCOUNT_DOMAIN, "bo@initech.com");

        assertThat(d.type()).isEqualTo(SalesforceType.LEAD);
        assertThat(d.accountId()).isEmpty();
    }

    @Test
    void freeMailDomainsNeverMatchAnAccount() {
        CreationPolicy.Decision d = decide(CreationPolicy.Mode.MATCH_ACCOUNT_DOMAIN, "cy@gmail.com");

        assertThat(d.type()).isEqualTo(SalesforceType.LEAD);
        assertThat(d.reason()).contains("free-mail");
    }

    @Test
    void theFreeMailListIsConfigurable() {
        CreationPolicy policy = new CreationPolicy(CreationPolicy.Mode.MATCH_ACCOUNT_DOMAIN, Set.of("ACME.com"));

        assertThat(policy.decide(Optional.of("ann@acme.com"), LOOKUP).type()).isEqualTo(SalesforceType.LEAD);
        assertThat(policy.decide(Optional.of("cy@gmail.com"), LOOKUP).accountId()).contains("001GOOGLE");
    }

    @Test
    void noEmailOrAMalformedOneMakesALead() {
        assertThat(decide(CreationPolicy.Mode.MATCH_ACCOUNT_DOMAIN, null).type()).isEqualTo(SalesforceType.LEAD);
        assertThat(decide(CreationPolicy.Mode.MATCH_ACCOUNT_DOMAIN, "not-an-email").type()).isEqualTo(SalesforceType.LEAD);
    }

    @Test
    void alwaysLeadIgnoresAMatchingAccount() {
        assertThat(decide(CreationPolicy.Mode.ALWAYS_LEAD, "ann@acme.com").type()).isEqualTo(SalesforceType.LEAD);
    }

    @Test
    void alwaysContactUsesTheMatchingAccountWhenThereIsOne() {
        assertThat(decide(CreationPolicy.Mode.ALWAYS_CONTACT, "ann@acme.com"))
                .extracting(CreationPolicy.Decision::type, CreationPolicy.Decision::accountId)
                .containsExactly(SalesforceType.CONTACT, Optional.of("001ACME"));
        assertThat(decide(CreationPolicy.Mode.ALWAYS_CONTACT, "bo@initech.com"))
                .extracting(CreationPolicy.Decision::type, CreationPolicy.Decision::accountId)
                .containsExactly(SalesforceType.CONTACT, Optional.empty());
    }
}
