package io.baton.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

    @Test
    void suffixFollowsTheCaseSafeAlgorithm() {
        // Chunks "00150", "00000", "Gv7qJ": no capitals, no capitals, G and J (bits 0 and 4 = 17 = 'R').
        assertThat(SalesforceIds.withSuffix("0015000000Gv7qJ")).isEqualTo("0015000000Gv7qJAAR");
    }

    @Test
    void generatedIdsHaveTheKeyPrefixEighteenCharsAndAValidSuffix() {
        SalesforceIds ids = new SalesforceIds("RO");
        String lead = ids.next("00Q");
        String contact = ids.next("003");
        assertThat(lead).hasSize(18).startsWith("00QRO");
        assertThat(contact).startsWith("003");
        assertThat(SalesforceIds.withSuffix(lead.substring(0, 15))).isEqualTo(lead);
    }

    @Test
    void idsOfOnePrefixSortInCreationOrder() {
        SalesforceIds ids = new SalesforceIds("RO");
        String previous = ids.next("00Q");
        for (int i = 0; i < 5000; i++) {
            String next = ids.next("00Q");
            assertThat(next.substring(0, 15)).isGreaterThan(previous.substring(0, 15));
            previous = next;
        }
    }

    @Test
    void normalizeAcceptsFifteenCharsAndCaseInsensitiveEighteen() {
        assertThat(SalesforceIds.normalize("0015000000Gv7qJ")).contains("0015000000Gv7qJAAR");
        assertThat(SalesforceIds.normalize("0015000000GV7QJAAR")).contains("0015000000Gv7qJAAR");
        assertThat(SalesforceIds.normalize("0015000000gv7qjaar")).contains("0015000000Gv7qJAAR");
        assertThat(SalesforceIds.normalize("not-an-id")).isEmpty();
        // The suffix decides the case; a suffix outside its alphabet is not an id.
        assertThat(SalesforceIds.normalize("0015000000Gv7qJ999")).isEmpty();
    }
}
