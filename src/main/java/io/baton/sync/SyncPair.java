package io.baton.sync;

import io.baton.core.mapping.SalesforceType;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.store.RecordLink;
import java.util.Objects;
import java.util.Optional;

/**
 * One person to sync in a page: the stored link (none for a pair met for the first time), both
 * records as they are now (one may not exist yet), the Salesforce object the pair uses, the Account
 * a new Contact goes under, and the record whose change brought the pair into the page (the one a
 * dead letter is filed for).
 */
record SyncPair(Optional<RecordLink> link, Optional<CrmRecord> hubspot, Optional<CrmRecord> salesforce,
                SalesforceType type, Optional<String> accountId, RecordRef source) {

    SyncPair {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(hubspot, "hubspot");
        Objects.requireNonNull(salesforce, "salesforce");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(source, "source");
    }

    static SyncPair linked(RecordLink link, Optional<CrmRecord> hubspot, Optional<CrmRecord> salesforce,
                           SalesforceType type, RecordRef source) {
        return new SyncPair(Optional.of(link), hubspot, salesforce, type, Optional.empty(), source);
    }
}
