package io.baton.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.core.record.RecordRef;
import io.baton.core.record.RecordWrite;
import io.baton.core.record.Side;
import io.baton.salesforce.WriteBatches.Pending;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteBatchesTest {

    private static Pending create(int index, String type, String externalId) {
        return new Pending(index, RecordWrite.create("k" + index, Side.SALESFORCE, type,
                Map.of(SalesforceWriter.EXTERNAL_ID, externalId)));
    }

    private static Pending update(int index, String type, String id) {
        return new Pending(index, RecordWrite.update("k" + index, RecordRef.salesforce(type, id), Map.of("Title", "x")));
    }

    private static List<List<Integer>> indexes(List<List<Pending>> batches) {
        return batches.stream().map(b -> b.stream().map(Pending::index).toList()).toList();
    }

    private static List<List<Pending>> upserts(List<Pending> creates) {
        return WriteBatches.upserts(creates, p -> p.write().fields().get(SalesforceWriter.EXTERNAL_ID));
    }

    @Test
    void upsertsAreTwoHundredPerCallAndOneTypePerCall() {
        List<Pending> creates = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            creates.add(create(i, i % 10 == 0 ? "Contact" : "Lead", "hs-" + i));
        }
        List<List<Pending>> batches = upserts(creates);

        // Types in the order they first appear (index 0 is a Contact): 45 Contacts, then 405 Leads.
        assertThat(batches).extracting(List::size).containsExactly(45, 200, 200, 5);
        assertThat(batches).allSatisfy(b -> assertThat(b).extracting(p -> p.write().type()).containsOnly(b.get(0).write().type()));
    }

    @Test
    void aRepeatedExternalIdWaitsForTheNextCallWhateverItsCase() {
        List<List<Pending>> batches = upserts(List.of(create(0, "Lead", "A1"), create(1, "Lead", "b"),
                create(2, "Lead", "a1"), create(3, "Lead", "c"), create(4, "Lead", "A1")));

        assertThat(indexes(batches)).containsExactly(List.of(0, 1, 3), List.of(2), List.of(4));
    }

    @Test
    void updatesMixTypesSortedByTypeAndKeepOneRecordOncePerCall() {
        String lead = "00QRO0000000001AAA";
        List<List<Pending>> batches = WriteBatches.updates(new ArrayList<>(List.of(update(0, "Lead", lead),
                update(1, "Contact", "003RO0000000001AAA"), update(2, "Lead", lead.substring(0, 15)),
                update(3, "Lead", "00QRO0000000002AAA"))));

        assertThat(indexes(batches)).containsExactly(List.of(1, 0, 3), List.of(2));
    }
}
