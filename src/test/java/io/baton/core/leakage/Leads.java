package io.baton.core.leakage;

import io.baton.core.leakage.LeadSnapshot.NotInSalesforce;
import io.baton.core.leakage.LeadSnapshot.OwnerState;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Snapshots and calendars for the leak tests, built field by field from a linked MQL. */
final class Leads {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final BusinessCalendar OFFICE = BusinessCalendar.of(BERLIN,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
            Set.of(LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26)));

    private Optional<Long> linkId = Optional.of(1L);
    private Optional<String> hubspotId = Optional.of("101");
    private Optional<RecordRef> salesforce = Optional.of(RecordRef.salesforce("Lead", "00Q101"));
    private String stage = "mql";
    private Instant enteredAt;
    private Optional<String> reason = Optional.empty();
    private Optional<String> ownerId = Optional.of("005A");
    private OwnerState owner = OwnerState.ACTIVE_USER;
    private final Map<Side, Instant> activity = new LinkedHashMap<>();
    private Optional<Instant> touchedAt = Optional.empty();
    private Optional<NotInSalesforce> notIn = Optional.empty();
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Leads(Instant enteredAt) {
        this.enteredAt = enteredAt;
    }

    /** Berlin local time, e.g. {@code berlin("2026-03-06T16:00")}. */
    static Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    static Leads mql(Instant enteredAt) {
        return new Leads(enteredAt);
    }

    Leads id(String hubspot) {
        hubspotId = Optional.of(hubspot);
        salesforce = salesforce.map(sf -> RecordRef.salesforce("Lead", "00Q" + hubspot));
        return this;
    }

    Leads stage(String name, Instant at) {
        stage = name;
        enteredAt = at;
        return this;
    }

    Leads reason(String why) {
        reason = Optional.ofNullable(why);
        return this;
    }

    Leads owner(String id, OwnerState state) {
        ownerId = Optional.of(id);
        owner = state;
        return this;
    }

    Leads activity(Side side, Instant at) {
        activity.put(side, at);
        return this;
    }

    Leads touched(Instant at) {
        touchedAt = Optional.of(at);
        return this;
    }

    Leads notInSalesforce(NotInSalesforce why) {
        salesforce = Optional.empty();
        notIn = Optional.ofNullable(why);
        return this;
    }

    Leads property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    LeadSnapshot build() {
        return new LeadSnapshot(linkId, hubspotId, salesforce, stage, enteredAt, reason, ownerId,
                Optional.of("rep@example.com"), owner, activity, touchedAt, notIn, properties);
    }
}
