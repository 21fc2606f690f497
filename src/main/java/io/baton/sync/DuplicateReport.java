package io.baton.sync;

import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Salesforce records sharing a person's email with the one Baton paired (the newest, DESIGN §3):
 * left alone, and reported so a rep can merge them.
 */
final class DuplicateReport {

    private static final Logger LOG = LoggerFactory.getLogger(DuplicateReport.class);

    private final AtomicLong reported = new AtomicLong();

    void report(RecordRef person, CrmRecord paired, List<CrmRecord> others) {
        if (others.isEmpty()) {
            return;
        }
        reported.addAndGet(others.size());
        LOG.warn("duplicates: {} paired with {}; {} more Salesforce record(s) share its email: {}", person, paired.ref(),
                others.size(), others.stream().map(r -> r.ref().toString()).toList());
    }

    /** A Salesforce record whose person is already paired with another Salesforce record: not synced. */
    void reportUnpaired(CrmRecord duplicate, RecordRef pairedContact) {
        reported.incrementAndGet();
        LOG.warn("duplicates: {} shares its email with {}, which is already paired; left unsynced", duplicate.ref(),
                pairedContact);
    }

    /** Duplicates reported since the service started. */
    long count() {
        return reported.get();
    }
}
