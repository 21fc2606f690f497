package io.baton.core.leakage;

import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything the leak rules look at for one person, read by the scan from the store and both CRMs:
 * the ids on each side, the shared stage (a name from config/lifecycle.yml) with since when and why,
 * the owner and whether that owner can work the record, the last activity in each system, when sales
 * last touched it (owner change, status change, activity), and — when it is not in Salesforce — why.
 *
 * @param linkId            the stored link, empty for a HubSpot contact Baton never linked
 * @param salesforce        the Salesforce Lead or Contact, empty when the person is not in Salesforce
 * @param stageEnteredAt    when the person entered {@code stage}
 * @param owner             whether the owner is a user who can work the record (see {@link OwnerState})
 * @param lastActivity      the newest activity per system (HubSpot notes/sales activity, Salesforce LastActivityDate)
 * @param notInSalesforce   why the person is not in Salesforce; empty exactly when {@code salesforce} is present
 * @param hubspotProperties HubSpot property values the rules ask for (e.g. the nurture condition's)
 */
public record LeadSnapshot(
        Optional<Long> linkId,
        Optional<String> hubspotId,
        Optional<RecordRef> salesforce,
        String stage,
        Instant stageEnteredAt,
        Optional<String> stageReason,
        Optional<String> ownerId,
        Optional<String> ownerEmail,
        OwnerState owner,
        Map<Side, Instant> lastActivity,
        Optional<Instant> touchedAt,
        Optional<NotInSalesforce> notInSalesforce,
        Map<String, String> hubspotProperties) {

    /** Salesforce queue ids start with this prefix (B.8: OwnerId is a User 005… or a Queue 00G…). */
    public static final String QUEUE_PREFIX = "00G";

    /** Whether the owner can work the record. */
    public enum OwnerState {
        /** An active user. */
        ACTIVE_USER,
        /** A Salesforce queue: nobody in particular. */
        QUEUE,
        /** A user who can no longer log in. */
        INACTIVE_USER,
        /** No owner, or not known. */
        UNKNOWN
    }

    /** Why a person is not in Salesforce. */
    public enum Absence {
        /** The inclusion filter of config/mappings.yml keeps the person out of the sync. */
        EXCLUDED,
        /** Salesforce refused the write; an open dead letter holds its words. */
        DEAD_LETTER,
        /** A Salesforce duplicate rule refused the write (DUPLICATES_DETECTED). */
        DUPLICATE_RULE,
        /** Nothing went wrong that Baton knows of: the sync has not reached the person yet. */
        NOT_YET_SYNCED
    }

    /** Why a person is not in Salesforce, with the detail (the filter's reason, the dead letter's text). */
    public record NotInSalesforce(Absence absence, Optional<String> detail) {

        public NotInSalesforce {
            Objects.requireNonNull(absence, "absence");
            Objects.requireNonNull(detail, "detail");
        }

        public static NotInSalesforce of(Absence absence, String detail) {
            return new NotInSalesforce(absence, Optional.ofNullable(detail).filter(d -> !d.isBlank()));
        }

        /** A dead letter's text: a duplicate rule when Salesforce said DUPLICATES_DETECTED (B.5). */
        public static NotInSalesforce deadLetter(String reason) {
            return of(reason != null && reason.contains("DUPLICATES_DETECTED") ? Absence.DUPLICATE_RULE
                    : Absence.DEAD_LETTER, reason);
        }

        /** One line for people: what happened and, when known, the detail. */
        public String describe() {
            String what = switch (absence) {
                case EXCLUDED -> "excluded by the inclusion filter";
                case DEAD_LETTER -> "Salesforce refused it (dead letter)";
                case DUPLICATE_RULE -> "a Salesforce duplicate rule refused it";
                case NOT_YET_SYNCED -> "not yet synced";
            };
            return detail.map(d -> what + ": " + d).orElse(what);
        }
    }

    public LeadSnapshot {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(hubspotId, "hubspotId");
        Objects.requireNonNull(salesforce, "salesforce");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(stageEnteredAt, "stageEnteredAt");
        Objects.requireNonNull(stageReason, "stageReason");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(touchedAt, "touchedAt");
        Objects.requireNonNull(notInSalesforce, "notInSalesforce");
        if (hubspotId.isEmpty() && salesforce.isEmpty()) {
            throw new IllegalArgumentException("a snapshot needs a HubSpot or a Salesforce id");
        }
        lastActivity = lastActivity.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(lastActivity));
        hubspotProperties = Collections.unmodifiableMap(new LinkedHashMap<>(hubspotProperties));
        if (salesforce.isPresent()) {
            notInSalesforce = Optional.empty();
        } else if (notInSalesforce.isEmpty()) {
            notInSalesforce = Optional.of(NotInSalesforce.of(Absence.NOT_YET_SYNCED, null));
        }
    }

    /**
     * The record flags are kept on: the HubSpot contact when there is one (its id survives a Lead's
     * conversion to a Contact), else the Salesforce record.
     */
    public RecordRef record() {
        return hubspotId.map(RecordRef::hubspotContact).orElseGet(salesforce::orElseThrow);
    }

    public boolean inSalesforce() {
        return salesforce.isPresent();
    }

    /** The newest activity in either system. */
    public Optional<Instant> latestActivity() {
        return lastActivity.values().stream().max(Instant::compareTo);
    }

    /** When sales last worked on the record: touched, or activity in either system. */
    public Optional<Instant> lastWorkedAt() {
        return Stream.concat(touchedAt.stream(), latestActivity().stream()).max(Instant::compareTo);
    }

    /** The HubSpot property's value, empty when absent or blank. */
    public Optional<String> hubspotProperty(String name) {
        return Optional.ofNullable(hubspotProperties.get(name)).filter(v -> !v.isBlank());
    }

    /** A copy in another stage since {@code at} (for tests and the HubSpot-only snapshots). */
    public LeadSnapshot inStage(String newStage, Instant at) {
        return new LeadSnapshot(linkId, hubspotId, salesforce, newStage, at, stageReason, ownerId, ownerEmail, owner,
                lastActivity, touchedAt, notInSalesforce, hubspotProperties);
    }
}
