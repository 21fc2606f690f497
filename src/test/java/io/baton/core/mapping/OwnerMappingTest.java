package io.baton.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.mapping.OwnerMapping.Person;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnerMappingTest {

    private static final List<Person> OWNERS = List.of(new Person("11", " Ann@Acme.com"), new Person("12", "bo@acme.com"));
    private static final List<Person> USERS = List.of(new Person("005A", "ann@acme.COM"), new Person("005Z", "int@acme.com"),
            new Person("005C", "cy@acme.com"));

    private static OwnerMapping mapping(Optional<String> fallbackOwner, Optional<String> fallbackQueue) {
        return OwnerMapping.of(OwnerMapping.Match.BY_EMAIL, fallbackOwner, fallbackQueue).withDirectory(OWNERS, USERS);
    }

    @Test
    void ownersAndUsersWithTheSameEmailTranslateBothWaysIgnoringCaseAndBlanks() {
        OwnerMapping owners = mapping(Optional.empty(), Optional.empty());

        assertThat(owners.toSalesforce("hubspot_owner_id", "11")).isEqualTo(Translated.of("005A"));
        assertThat(owners.toHubspot("OwnerId", "005A")).isEqualTo(Translated.of("11"));
    }

    @Test
    void anUnmatchedOwnerGetsTheFallbackOwnerUserWithAWarning() {
        Translated out = mapping(Optional.of("INT@acme.com"), Optional.of("Lead_Triage")).toSalesforce("hubspot_owner_id", "12");

        assertThat(out.value()).contains("005Z");
        assertThat(out.issues()).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(RecordIssue.Severity.WARNING);
            assertThat(i.field()).isEqualTo("hubspot_owner_id");
            assertThat(i.message()).contains("'12'").contains("fallback owner");
        });
    }

    @Test
    void withoutAFallbackOwnerTheQueueIsUsed() {
        Translated out = mapping(Optional.empty(), Optional.of("Lead_Triage")).toSalesforce("hubspot_owner_id", "unknown");

        assertThat(out.value()).contains("Lead_Triage");
        assertThat(out.issues()).singleElement().extracting(RecordIssue::message).asString().contains("fallback queue");
    }

    @Test
    void withNoUsableFallbackTheSalesforceOwnerIsLeftAloneWithAWarning() {
        Translated out = mapping(Optional.of("gone@acme.com"), Optional.empty()).toSalesforce("hubspot_owner_id", "12");

        assertThat(out.failed()).isTrue();
        assertThat(out.hasError()).isFalse();
        assertThat(out.issues().get(0).message()).contains("gone@acme.com is not a Salesforce user");
    }

    @Test
    void aSalesforceUserWithoutHubSpotOwnerLeavesHubSpotAloneWithAWarning() {
        Translated out = mapping(Optional.empty(), Optional.empty()).toHubspot("OwnerId", "005C");

        assertThat(out.failed()).isTrue();
        assertThat(out.issues()).singleElement().satisfies(i -> assertThat(i.isError()).isFalse());
    }

    @Test
    void matchNoneAlwaysUsesTheFallback() {
        OwnerMapping none = OwnerMapping.of(OwnerMapping.Match.NONE, Optional.of("int@acme.com"), Optional.empty())
                .withDirectory(OWNERS, USERS);

        assertThat(none.toSalesforce("hubspot_owner_id", "11").value()).contains("005Z");
    }
}
