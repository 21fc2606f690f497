package io.baton.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.lifecycle.*} (config/lifecycle.yml): the shared stages in order, what each is called
 * in each CRM, the moves allowed besides going forward, and the marketing-to-sales handoff.
 */
@Validated
@ConfigurationProperties("baton.lifecycle")
public record LifecycleProperties(
        @DefaultValue("lifecyclestage") @NotBlank String hubspotProperty,
        @DefaultValue("Lifecycle_Stage__c") @NotBlank String salesforceField,
        @DefaultValue List<@Valid @NotNull Stage> stages,
        @DefaultValue List<@Valid @NotNull Stage> exits,
        @DefaultValue @Valid Moves moves,
        @DefaultValue @Valid Handoff handoff) {

    /** A stage: its name in Baton and its value in each CRM (absent: that CRM has no such stage). */
    public record Stage(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case letters, digits and '-'")
            String name,
            String hubspot,
            String salesforce) {
    }

    /** Moves other than forward along {@code stages}; entering an exit stage always needs a reason. */
    public record Moves(
            @DefaultValue("true") boolean allowSkip,
            @DefaultValue List<@Valid @NotNull Move> allowed) {
    }

    /** Records in any {@code from} stage may move to {@code to}. */
    public record Move(
            @NotEmpty List<String> from,
            @NotBlank String to,
            @DefaultValue("false") boolean reasonRequired) {
    }

    /** Reaching {@code stage} hands the record to sales; {@code accepted-stage} means sales took it. */
    public record Handoff(
            @DefaultValue("mql") String stage,
            @DefaultValue("sal") String acceptedStage,
            @DefaultValue("owner-mapping") Assignment assign,
            String queue) {
    }

    /** Who gets a handed-off record in Salesforce. */
    public enum Assignment { OWNER_MAPPING, QUEUE, ASSIGNMENT_RULES }

    /** Every stage name, progression stages first, in order. */
    public List<String> stageNames() {
        return Stream.concat(stages.stream(), exits.stream()).map(Stage::name).toList();
    }

    public Optional<Stage> stage(String name) {
        return Stream.concat(stages.stream(), exits.stream()).filter(s -> s.name().equals(name)).findFirst();
    }
}
