package io.baton.core.lifecycle;

import io.baton.core.mapping.SalesforceType;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Salesforce Lead or Contact shows about its stage: the stage field, the Lead {@code Status}
 * (a Contact has none), whether it is a converted Lead or the Contact a conversion made, the state
 * of its opportunity, and the reason field. Blank values are absent.
 */
public record SalesforceFacts(SalesforceType type, Optional<String> stageField, Optional<String> leadStatus,
                              boolean converted, Optional<OpportunityState> opportunity, Optional<String> reason) {

    public SalesforceFacts {
        Objects.requireNonNull(type, "type");
        stageField = HubSpotFacts.present(stageField);
        leadStatus = HubSpotFacts.present(leadStatus);
        Objects.requireNonNull(opportunity, "opportunity");
        reason = HubSpotFacts.present(reason);
    }

    /** An unconverted Lead with this stage field value and Status ({@code null}: not set). */
    public static SalesforceFacts lead(String stageField, String status) {
        return new SalesforceFacts(SalesforceType.LEAD, Optional.ofNullable(stageField), Optional.ofNullable(status),
                false, Optional.empty(), Optional.empty());
    }

    /** The Contact a conversion made, with this stage field value and opportunity ({@code null}: none). */
    public static SalesforceFacts contact(String stageField, OpportunityState opportunity) {
        return new SalesforceFacts(SalesforceType.CONTACT, Optional.ofNullable(stageField), Optional.empty(), true,
                Optional.ofNullable(opportunity), Optional.empty());
    }

    /** These facts with {@code value} in the reason field. */
    public SalesforceFacts withReason(String value) {
        return new SalesforceFacts(type, stageField, leadStatus, converted, opportunity, Optional.ofNullable(value));
    }

    /**
     * Whether Baton may write this record at all: a converted Lead refuses every update
     * ({@code CANNOT_UPDATE_CONVERTED_LEAD}, API-REFERENCE B.8); its Contact is written instead.
     */
    public boolean writable() {
        return !(type == SalesforceType.LEAD && converted);
    }
}
