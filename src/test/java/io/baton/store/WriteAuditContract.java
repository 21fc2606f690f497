package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

interface WriteAuditContract extends StoreFixture {

    default WriteAuditRepository audit() {
        return new WriteAuditRepository(jdbc(), clock());
    }

    @Test
    default void everyWriteIsRecordedWithFieldsAndOutcome() {
        long link = newLink("1");
        audit().addAll(List.of(
                WriteAudit.of(Side.SALESFORCE, "Lead", Optional.of("00Q1"), Optional.of(link), WriteOperation.UPDATE,
                        List.of("Phone", "Title"), WriteOutcome.SUCCEEDED, Optional.empty()),
                WriteAudit.of(Side.SALESFORCE, "Lead", Optional.empty(), Optional.empty(), WriteOperation.CREATE,
                        List.of(), WriteOutcome.FAILED, Optional.of("REQUIRED_FIELD_MISSING: Company"))));

        List<WriteAudit> forLead = audit().listForRecord(Side.SALESFORCE, "00Q1");
        assertThat(forLead).singleElement().satisfies(write -> {
            assertThat(write.fieldsChanged()).containsExactly("Phone", "Title");
            assertThat(write.linkId()).contains(link);
            assertThat(write.outcome()).isEqualTo(WriteOutcome.SUCCEEDED);
            assertThat(write.writtenAt()).isEqualTo(StoreContractTest.START);
        });
        WriteAudit failed = audit().listRecent(1).get(0);
        assertThat(failed.recordId()).isEmpty();
        assertThat(failed.fieldsChanged()).isEmpty();
        assertThat(failed.error()).contains("REQUIRED_FIELD_MISSING: Company");
    }

    @Test
    default void aFullPageOfWritesIsRecordedAndCounted() {
        List<WriteAudit> page = new ArrayList<>();
        for (int n = 0; n < 450; n++) {
            int i = n;
            page.add(WriteAudit.of(Side.HUBSPOT, "contact", Optional.of("c" + i), Optional.empty(), WriteOperation.UPSERT,
                    List.of("email"), i % 10 == 0 ? WriteOutcome.FAILED : WriteOutcome.SUCCEEDED,
                    Optional.of("e".repeat(3000)).filter(e -> i % 10 == 0)));
        }
        audit().addAll(page);
        clock().advance(Duration.ofMinutes(1));

        assertThat(audit().countSince(Side.HUBSPOT, WriteOutcome.FAILED, StoreContractTest.START)).isEqualTo(45);
        assertThat(audit().countSince(Side.HUBSPOT, WriteOutcome.SUCCEEDED, StoreContractTest.START)).isEqualTo(405);
        assertThat(audit().countSince(Side.HUBSPOT, WriteOutcome.FAILED, clock().instant())).isZero();
        assertThat(audit().countSince(Side.SALESFORCE, WriteOutcome.FAILED, StoreContractTest.START)).isZero();
        assertThat(audit().listForRecord(Side.HUBSPOT, "c0").get(0).error().orElseThrow()).hasSize(2000);
    }
}
