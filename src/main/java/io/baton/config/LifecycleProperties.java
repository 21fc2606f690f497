package io.baton.config;

import io.baton.core.lifecycle.OpportunityState;
import io.baton.core.record.Side;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
 * {@code baton.lifecycle.*} (config/lifecycle.yml): the shared stages in order, how each CRM shows
 * each stage, the moves allowed besides going forward, what happens to a refused move, and the
 * marketing-to-sales handoff. {@link LifecycleAssembler} turns it into the core's policy.
 */
@Validated
@ConfigurationProperties("baton.lifecycle")
public record LifecycleProperties(
        @DefaultValue("lifecyclestage") @NotBlank String hubspotProperty,
        @DefaultValue("hs_lead_status") @NotBlank String hubspotLeadStatusProperty,
        // Blank: the org has no stage picklist, and stages show through status, conversion and opportunity.
        @DefaultValue("Lifecycle_Stage__c") String salesforceField,
        @DefaultValue("Status") @NotBlank String salesforceLeadStatusField,
        @DefaultValue @Valid ReasonFields reasonFields,
        @DefaultValue("correct") BackwardMoves backwardMoves,
        @DefaultValue("salesforce") Side tieBreaker,
        @DefaultValue List<@Valid @NotNull Stage> stages,
        @DefaultValue List<@Valid @NotNull Stage> exits,
        @DefaultValue @Valid Moves moves,
        @DefaultValue @Valid Handoff handoff) {

    /**
     * A stage: its name in Baton and how each CRM shows it. Absent values: that CRM does not show the
     * stage that way. {@code hubspot-lead-status} and {@code salesforce-lead-status} list the status
     * values that mean this stage (the first one is written); {@code salesforce-converted} claims
     * converted Leads and their Contacts; {@code salesforce-opportunity} an opportunity state.
     */
    public record Stage(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case letters, digits and '-'")
            String name,
            String hubspot,
            @DefaultValue List<@NotBlank String> hubspotLeadStatus,
            String salesforce,
            @DefaultValue List<@NotBlank String> salesforceLeadStatus,
            @DefaultValue("false") boolean salesforceConverted,
            OpportunityState salesforceOpportunity) {

        public Stage {
            hubspotLeadStatus = hubspotLeadStatus == null ? List.of() : List.copyOf(hubspotLeadStatus);
            salesforceLeadStatus = salesforceLeadStatus == null ? List.of() : List.copyOf(salesforceLeadStatus);
        }
    }

    /** Where a move's reason is written in each CRM; blank: not written there. */
    public record ReasonFields(String hubspot, String salesforce) {
    }

    /** What Baton does with a move the lifecycle refuses. */
    public enum BackwardMoves { CORRECT, FLAG }

    /** Moves other than forward along {@code stages}. */
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
            String queue,
            @DefaultValue List<@NotBlank @Email String> users) {
    }

    /** Who gets a handed-off record in Salesforce. */
    public enum Assignment { OWNER_MAPPING, QUEUE, ASSIGNMENT_RULES, ROUND_ROBIN }

    /** Every stage name, progression stages first, in order. */
    public List<String> stageNames() {
        return Stream.concat(stages.stream(), exits.stream()).map(Stage::name).toList();
    }

    public Optional<Stage> stage(String name) {
        return Stream.concat(stages.stream(), exits.stream()).filter(s -> s.name().equals(name)).findFirst();
    }
}
