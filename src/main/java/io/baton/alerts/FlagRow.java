package io.baton.alerts;

/**
 * One flag as the templates show it (public, with plain strings: Thymeleaf reads the accessors).
 * Absent values are null, so a template tests them with {@code th:if}.
 */
public record FlagRow(
        long flagId,
        String kind,
        String rule,
        int level,
        String record,
        String hubspotId,
        String hubspotUrl,
        String salesforceType,
        String salesforceId,
        String salesforceUrl,
        String stage,
        String owner,
        String opened,
        String age,
        String due,
        String overdue,
        String cause) {
}
