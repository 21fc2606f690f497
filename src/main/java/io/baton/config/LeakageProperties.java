package io.baton.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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
        @DefaultValue List<@Valid @NotNull Rule> rules,
        @DefaultValue List<@Valid @NotNull Digest> digests,
        @DefaultValue @Valid Escalation escalation,
        @DefaultValue @Valid Managers managers) {

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

    /** A scheduled summary of open flags. */
    public record Digest(
            @NotBlank String name,
            @NotBlank @Cron String cron,
            @DefaultValue("owner") List<@NotNull Recipient> recipients,
            @DefaultValue List<@NotBlank @Email String> addresses) {
    }

    /** A flag still open {@code after} past its SLA is mailed at once, then every {@code repeat-every}. */
    public record Escalation(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1d") @PositiveDuration Duration after,
            @DefaultValue("1d") @PositiveDuration Duration repeatEvery,
            @DefaultValue("manager") List<@NotNull Recipient> recipients,
            @DefaultValue List<@NotBlank @Email String> addresses) {
    }

    /** Who manages whom; {@code fallback} manages every owner not listed in a team. */
    public record Managers(
            @Email String fallback,
            @DefaultValue List<@Valid @NotNull Team> teams) {
    }

    /** A manager and the owners (by email) they manage. */
    public record Team(
            @NotBlank @Email String manager,
            @DefaultValue List<@NotBlank @Email String> owners) {
    }
}
