package io.baton.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.leakage.*} (config/leakage.yml): when SLAs tick (the business calendar), which leaks
 * and stale leads are flagged, who hears about them, and when digests and escalations go out.
 */
@Validated
@ConfigurationProperties("baton.leakage")
public record LeakageProperties(
        @DefaultValue @Valid Calendar calendar,
        @DefaultValue("0 */15 * * * *") @NotBlank @Cron String scanCron,
        @DefaultValue("200") @Min(1) @Max(200) int scanPageSize,
        @DefaultValue @Valid WriteBack writeBack,
        @DefaultValue List<@Valid @NotNull Rule> rules,
        @DefaultValue List<@Valid @NotNull Digest> digests,
        @DefaultValue @Valid Escalation escalation,
        @DefaultValue @Valid Managers managers,
        @DefaultValue @Valid Links links,
        @DefaultValue @Valid QuietHours quietHours,
        @DefaultValue("false") boolean dryRun) {

    /**
     * Whether each record's open flags are written into the CRMs too, so reps see them in their own
     * views: a text property in HubSpot and a text field on Lead and Contact in Salesforce, both
     * created by the admin first.
     */
    public record WriteBack(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("baton_leak_status") @NotBlank String hubspotProperty,
            @DefaultValue("Baton_Leak_Status__c") @NotBlank String salesforceField) {
    }

    /** Working time: SLAs marked {@code business-hours} only run inside it. */
    public record Calendar(
            @DefaultValue("UTC") @NotNull ZoneId timeZone,
            @DefaultValue({"monday", "tuesday", "wednesday", "thursday", "friday"}) @NotEmpty
            List<@NotNull DayOfWeek> workingDays,
            @DefaultValue @Valid WorkingHours workingHours,
            @DefaultValue List<@NotNull LocalDate> holidays) {
    }

    /** The working day, start inclusive, end exclusive, in the calendar's time zone. */
    public record WorkingHours(
            @DefaultValue("09:00") @NotNull LocalTime start,
            @DefaultValue("17:00") @NotNull LocalTime end) {
    }

    /**
     * When no alert mail goes out, in the calendar's time zone: daily from {@code start} (inclusive)
     * to {@code end} (exclusive; an end before the start runs past midnight), and with
     * {@code weekends} all day on days that are not working days. No start and end: no daily quiet
     * time. Mail due inside is held, not dropped, and goes out when the quiet time ends.
     */
    public record QuietHours(
            LocalTime start,
            LocalTime end,
            @DefaultValue("false") boolean weekends) {

        /** Whether any time is quiet at all. */
        public boolean any() {
            return weekends || start != null && end != null;
        }
    }

    /** One leak or stale rule: records in {@code stage} for longer than {@code sla} are flagged. */
    public record Rule(
            @NotBlank String name,
            @NotNull Kind kind,
            @NotBlank String stage,
            @NotNull @PositiveDuration Duration sla,
            @DefaultValue("true") boolean businessHours,
            @DefaultValue("owner") List<@NotNull Recipient> recipients,
            @DefaultValue List<@NotBlank @Email String> addresses,
            @Valid MappingsProperties.Condition nurture) {
    }

    /**
     * What a rule looks for (DESIGN.md §1, {@code io.baton.core.leakage.LeakKind}): an MQL sales did
     * not accept, an MQL that never reached Salesforce, a record owned by a queue or an inactive user,
     * a stale record, a recycled record not in nurture, a disqualification without a reason.
     */
    public enum Kind { MQL_NOT_ACCEPTED, MQL_NOT_IN_SALESFORCE, UNOWNED, STALE, RECYCLED_WITHOUT_NURTURE,
        DISQUALIFIED_WITHOUT_REASON }

    /** A person resolved per flag: the record's owner, or that owner's manager (see {@code managers}). */
    public enum Recipient { OWNER, MANAGER }

    /**
     * A scheduled summary of all open flags: one mail per owner, per manager (their owners' flags)
     * and per fixed address (every flag), when {@code cron} falls due in the calendar's time zone.
     */
    public record Digest(
            @NotBlank String name,
            @NotBlank @Cron String cron,
            @DefaultValue("owner") List<@NotNull Recipient> recipients,
            @DefaultValue List<@NotBlank @Email String> addresses) {
    }

    /**
     * Level 2: a flag still open {@code multiple} times its SLA is mailed once, at once, to these
     * recipients (level 1, at the SLA itself, goes to the rule's recipients).
     */
    public record Escalation(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2") @DecimalMin(value = "1", inclusive = false, message = "must be more than 1 (times the SLA)")
            double multiple,
            @DefaultValue("manager") List<@NotNull Recipient> recipients,
            @DefaultValue List<@NotBlank @Email String> addresses) {
    }

    /** Who manages whom; {@code fallback} manages every owner not listed in a team, and gets every flag nobody else would. */
    public record Managers(
            @NotBlank @Email String fallback,
            @DefaultValue List<@Valid @NotNull Team> teams) {
    }

    /** A manager and the owners (by email) they manage. */
    public record Team(
            @NotBlank @Email String manager,
            @DefaultValue List<@NotBlank @Email String> owners) {
    }

    /**
     * How a mail links a record to each CRM: {@code {id}} is the record's id, {@code {portal}} the
     * HubSpot account id ({@code hubspot-portal}), {@code {type}} the Salesforce object (Lead, Contact).
     */
    @CrmLinkPatterns
    public record Links(
            @DefaultValue(HUBSPOT_LINK) @NotBlank String hubspot,
            @Pattern(regexp = "\\d*", message = "must be the HubSpot account id (digits)") String hubspotPortal,
            @DefaultValue(SALESFORCE_LINK) @NotBlank String salesforce) {

        public static final String HUBSPOT_LINK = "https://app.hubspot.com/contacts/{portal}/record/0-1/{id}";
        public static final String SALESFORCE_LINK = "https://login.salesforce.com/lightning/r/{type}/{id}/view";
    }
}
