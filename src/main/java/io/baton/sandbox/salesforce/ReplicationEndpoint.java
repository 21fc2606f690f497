package io.baton.sandbox.salesforce;

import io.baton.sandbox.http.SandboxRequest;
import io.baton.sandbox.http.SandboxResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replication resources {@code /sobjects/{T}/updated} and {@code /deleted} (B.3, checklist E.3),
 * computed from SystemModstamp: windows are truncated to whole minutes, reach at most 30 (updated)
 * or 15 (deleted) days back, and {@code latestDateCovered} never passes the sandbox clock.
 */
final class ReplicationEndpoint {

    private final SalesforceOrg org;
    private final Clock clock;

    ReplicationEndpoint(SalesforceOrg org, Clock clock) {
        this.org = org;
        this.clock = clock;
    }

    SandboxResponse updated(SandboxRequest request, SObjectType type) {
        Optional<Instant[]> window = window(request, Duration.ofDays(30));
        if (window.isEmpty()) {
            return invalidDates();
        }
        Instant from = window.get()[0];
        Instant to = window.get()[1];
        List<String> ids = org.liveRows(type.name()).stream().filter(r -> inside(r, from, to)).map(SObjectRecord::id)
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ids", ids);
        body.put("latestDateCovered", FieldValues.formatDateTime(to));
        return SandboxResponse.json(200, body);
    }

    SandboxResponse deleted(SandboxRequest request, SObjectType type) {
        Optional<Instant[]> window = window(request, Duration.ofDays(15));
        if (window.isEmpty()) {
            return invalidDates();
        }
        Instant from = window.get()[0];
        Instant to = window.get()[1];
        List<Map<String, Object>> deleted = org.rows(type.name()).stream()
                .filter(r -> r.isDeleted() && inside(r, from, to))
                .map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", r.id());
                    m.put("deletedDate", FieldValues.toWire(r.get("SystemModstamp")));
                    return m;
                }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deletedRecords", deleted);
        body.put("earliestDateAvailable", FieldValues.formatDateTime(minute(clock.instant().minus(Duration.ofDays(15)))));
        body.put("latestDateCovered", FieldValues.formatDateTime(to));
        return SandboxResponse.json(200, body);
    }

    private static boolean inside(SObjectRecord r, Instant from, Instant to) {
        Instant stamp = (Instant) r.get("SystemModstamp");
        return stamp != null && !stamp.isBefore(from) && stamp.isBefore(to);
    }

    /** [start, end) in whole minutes, end clipped to now; empty when missing, reversed or too far back. */
    private Optional<Instant[]> window(SandboxRequest request, Duration maxBack) {
        Optional<Instant> start = request.queryParam("start").flatMap(FieldValues::parseDateTime);
        Optional<Instant> end = request.queryParam("end").flatMap(FieldValues::parseDateTime);
        if (start.isEmpty() || end.isEmpty() || !start.get().isBefore(end.get())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (start.get().isBefore(now.minus(maxBack))) {
            return Optional.empty();
        }
        Instant to = minute(end.get().isAfter(now) ? now : end.get());
        return Optional.of(new Instant[] {minute(start.get()), to});
    }

    private static Instant minute(Instant i) {
        return i.truncatedTo(ChronoUnit.MINUTES);
    }

    private static SandboxResponse invalidDates() {
        return SalesforceErrorBodies.error(400, "INVALID_REPLICATION_DATE",
                "start and end must be valid dateTimes, start before end, within the replication window");
    }
}
