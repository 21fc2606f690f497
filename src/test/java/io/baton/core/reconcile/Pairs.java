package io.baton.core.reconcile;

import io.baton.core.mapping.SalesforceType;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Builds the records of one pair and applies a plan's writes to them, as the writers would. */
final class Pairs {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private Pairs() {
    }

    static CrmRecord hubspot(Instant modstamp, Map<String, String> fields) {
        return new CrmRecord(RecordRef.hubspotContact("101"), modstamp, fields);
    }

    static CrmRecord salesforce(Instant modstamp, Map<String, String> fields) {
        return new CrmRecord(RecordRef.salesforce("Lead", "00Q000000000001AAA"), modstamp, fields);
    }

    /** {@code record} after {@code plan}'s write to {@code side}, stamped {@code at}; created when absent. */
    static Optional<CrmRecord> apply(RecordPlan plan, Side side, Optional<CrmRecord> record, Instant at) {
        Optional<Write> write = plan.writeTo(side);
        if (write.isEmpty()) {
            return record;
        }
        Map<String, String> fields = new HashMap<>(record.map(CrmRecord::fields).orElse(Map.of()));
        fields.putAll(write.get().fields());
        RecordRef ref = record.map(CrmRecord::ref).orElse(side == Side.HUBSPOT ? RecordRef.hubspotContact("900")
                : RecordRef.salesforce(SalesforceType.LEAD.apiName(), "00Q000000000900AAA"));
        return Optional.of(new CrmRecord(ref, at, fields));
    }
}
