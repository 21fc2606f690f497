package io.baton.sync;

import io.baton.config.LeakageProperties;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.record.RecordWrite;
import io.baton.core.record.WriteResult;
import io.baton.hubspot.HubSpotLookups;
import io.baton.salesforce.SalesforceLookups;
import io.baton.store.LeakFlag;
import io.baton.store.LeakFlagRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * leakage.yml {@code write-back}: after a scan, each record with open flags shows them in both CRMs
 * ("mql-not-accepted (level 2); stale (level 1)"), and a record whose last flag closed is cleared.
 * Compare-before-write: the current values are read first, so a quiet scan writes nothing. A failed
 * write is logged and tried again by the next scan (the status is recomputed from the store).
 */
final class LeakWriteBack {

    private static final Logger LOG = LoggerFactory.getLogger(LeakWriteBack.class);
    private static final int MAX_STATUS = 255;

    private final LeakageProperties.WriteBack settings;
    private final LeakFlagRepository flags;
    private final HubSpotLookups hubspotLookups;
    private final SalesforceLookups salesforceLookups;
    private final CrmWriter hubspot;
    private final CrmWriter salesforce;
    private volatile Instant lastRun = Instant.EPOCH;

    LeakWriteBack(LeakageProperties.WriteBack settings, LeakFlagRepository flags, HubSpotLookups hubspotLookups,
                  SalesforceLookups salesforceLookups, CrmWriter hubspot, CrmWriter salesforce) {
        this.settings = settings;
        this.flags = flags;
        this.hubspotLookups = hubspotLookups;
        this.salesforceLookups = salesforceLookups;
        this.hubspot = hubspot;
        this.salesforce = salesforce;
    }

    /** Writes the status of every record with an open flag or a flag closed since the last run. */
    void run(Instant scanStarted) {
        if (!settings.enabled()) {
            return;
        }
        Map<String, TreeSet<String>> hubspotStatus = new LinkedHashMap<>();
        Map<RecordRef, TreeSet<String>> salesforceStatus = new LinkedHashMap<>();
        for (LeakFlag closed : flags.closedSince(lastRun)) {
            closed.hubspotId().ifPresent(id -> hubspotStatus.computeIfAbsent(id, k -> new TreeSet<>()));
            closed.salesforce().ifPresent(ref -> salesforceStatus.computeIfAbsent(ref, k -> new TreeSet<>()));
        }
        for (LeakFlag open : flags.listOpen()) {
            String text = open.kind() + " (level " + open.level() + ")";
            open.hubspotId().ifPresent(id -> hubspotStatus.computeIfAbsent(id, k -> new TreeSet<>()).add(text));
            open.salesforce().ifPresent(ref -> salesforceStatus.computeIfAbsent(ref, k -> new TreeSet<>()).add(text));
        }
        int written = writeHubSpot(hubspotStatus) + writeSalesforce(salesforceStatus);
        lastRun = scanStarted;
        if (written > 0) {
            LOG.info("leak write-back: {} record(s) updated", written);
        }
    }

    private int writeHubSpot(Map<String, TreeSet<String>> status) {
        if (status.isEmpty()) {
            return 0;
        }
        String property = settings.hubspotProperty();
        Map<String, CrmRecord> current = hubspotLookups.byIds(status.keySet(), List.of(property));
        List<RecordWrite> writes = new ArrayList<>();
        status.forEach((id, texts) -> Optional.ofNullable(current.get(id)).ifPresent(record -> {
            String wanted = text(texts);
            if (!record.value(property).orElse("").equals(wanted)) {
                writes.add(RecordWrite.update("hubspot:" + id, record.ref(), Map.of(property, wanted)));
            }
        }));
        return sent(writes, hubspot);
    }

    private int writeSalesforce(Map<RecordRef, TreeSet<String>> status) {
        String field = settings.salesforceField();
        List<RecordWrite> writes = new ArrayList<>();
        Map<String, List<RecordRef>> byType = new LinkedHashMap<>();
        status.keySet().forEach(ref -> byType.computeIfAbsent(ref.type(), t -> new ArrayList<>()).add(ref));
        byType.forEach((type, refs) -> {
            Map<String, CrmRecord> current = salesforceLookups.retrieve(type, refs.stream().map(RecordRef::id).toList(),
                    List.of(field));
            for (RecordRef ref : refs) {
                CrmRecord record = current.get(ref.id());
                String wanted = text(status.get(ref));
                if (record != null && !record.value(field).orElse("").equals(wanted)) {
                    writes.add(RecordWrite.update("salesforce:" + ref.id(), ref, Map.of(field, wanted)));
                }
            }
        });
        return sent(writes, salesforce);
    }

    private static int sent(List<RecordWrite> writes, CrmWriter writer) {
        if (writes.isEmpty()) {
            return 0;
        }
        int ok = 0;
        for (WriteResult result : writer.write(writes)) {
            if (result.succeeded()) {
                ok++;
            } else {
                LOG.warn("leak write-back: {} not updated: {}", result.key(),
                        result.failure().map(f -> f.code() + ": " + f.message()).orElse("unknown error"));
            }
        }
        return ok;
    }

    private static String text(TreeSet<String> texts) {
        String joined = String.join("; ", texts);
        return joined.length() <= MAX_STATUS ? joined : joined.substring(0, MAX_STATUS);
    }
}
