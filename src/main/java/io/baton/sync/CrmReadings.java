package io.baton.sync;

import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.hubspot.HubSpotLookups;
import io.baton.salesforce.SalesforceLookups;
import io.baton.store.RecordLink;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the leak rules need from the CRMs for a page of linked people, read in batches: per Salesforce
 * type one {@code WHERE Id IN (...)} query per 200 ids (B.2, through {@link SalesforceLookups}) for
 * OwnerId and LastActivityDate, and one HubSpot batch read per 100 contacts (A.3) for the activity
 * roll-ups and the properties the rules' conditions read.
 */
final class CrmReadings {

    static final List<String> HUBSPOT_ACTIVITY = List.of("notes_last_updated", "hs_last_sales_activity_timestamp");
    static final String OWNER = "OwnerId";
    static final String LAST_ACTIVITY = "LastActivityDate";

    /** One person's readings; each part empty when the rules did not ask for it or the CRM had none. */
    record Reading(Optional<String> salesforceOwnerId, Optional<Instant> salesforceActivity,
                   Optional<Instant> hubspotActivity, Map<String, String> hubspotProperties) {

        static final Reading NONE = new Reading(Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    private final HubSpotLookups hubspot;
    private final SalesforceLookups salesforce;
    private final ZoneId zone;
    private final boolean readSalesforce;
    private final List<String> hubspotProperties;

    /**
     * @param readSalesforce     whether any rule looks at owners or Salesforce activity
     * @param hubspotConditions  HubSpot properties the rules' conditions read; with the activity
     *                           roll-ups when {@code readHubSpotActivity}
     * @param zone               the calendar's zone, in which a Salesforce activity date starts
     */
    CrmReadings(HubSpotLookups hubspot, SalesforceLookups salesforce, ZoneId zone, boolean readSalesforce,
                boolean readHubSpotActivity, Collection<String> hubspotConditions) {
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.zone = zone;
        this.readSalesforce = readSalesforce;
        Set<String> props = new LinkedHashSet<>(hubspotConditions);
        if (readHubSpotActivity) {
            props.addAll(HUBSPOT_ACTIVITY);
        }
        this.hubspotProperties = List.copyOf(props);
    }

    /** The readings per link id; links the CRMs no longer know get {@link Reading#NONE}. */
    Map<Long, Reading> read(List<RecordLink> links) {
        Map<String, CrmRecord> sf = new HashMap<>();
        if (readSalesforce) {
            Map<String, List<String>> byType = new HashMap<>();
            links.forEach(l -> l.salesforce().ifPresent(r -> byType.computeIfAbsent(r.type(), t -> new ArrayList<>())
                    .add(r.id())));
            byType.forEach((type, ids) -> sf.putAll(salesforce.retrieve(type, ids, List.of(OWNER, LAST_ACTIVITY))));
        }
        Map<String, CrmRecord> hs = new HashMap<>();
        if (!hubspotProperties.isEmpty()) {
            List<String> ids = links.stream().flatMap(l -> l.hubspotId().stream()).toList();
            if (!ids.isEmpty()) {
                hs.putAll(hubspot.byIds(ids, hubspotProperties));
            }
        }
        Map<Long, Reading> out = new HashMap<>();
        for (RecordLink link : links) {
            Optional<CrmRecord> s = link.salesforce().map(RecordRef::id).map(sf::get);
            Optional<CrmRecord> h = link.hubspotId().map(hs::get);
            out.put(link.id(), new Reading(s.flatMap(r -> r.value(OWNER)),
                    s.flatMap(r -> r.value(LAST_ACTIVITY)).flatMap(this::startOfDay),
                    h.flatMap(r -> HUBSPOT_ACTIVITY.stream().flatMap(p -> r.value(p).flatMap(CrmReadings::instant).stream())
                            .max(Instant::compareTo)),
                    h.map(CrmRecord::fields).orElse(Map.of())));
        }
        return out;
    }

    /** LastActivityDate is a date (B.8): the activity happened at the latest by the end of it, at the earliest at its start. */
    private Optional<Instant> startOfDay(String date) {
        try {
            return Optional.of(LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date).atStartOfDay(zone)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** HubSpot datetimes come as epoch milliseconds, ISO-8601 instants or plain dates (A.1). */
    static Optional<Instant> instant(String value) {
        String v = value.trim();
        try {
            if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(v)));
            }
            return Optional.of(v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(v));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
