package io.baton.store;

import io.baton.core.record.Emails;
import io.baton.core.record.RecordRef;
import io.baton.core.record.Side;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about a pair when asking the store to link it. At least one side is required.
 * The email is normalised here (trimmed, lower case; blank means unknown), as matching is.
 */
public record NewRecordLink(Optional<String> hubspotId, Optional<RecordRef> salesforce, Optional<String> email) {

    public NewRecordLink {
        Objects.requireNonNull(hubspotId, "hubspotId");
        Objects.requireNonNull(salesforce, "salesforce");
        Objects.requireNonNull(email, "email");
        hubspotId = hubspotId.filter(id -> !id.isBlank());
        if (hubspotId.isEmpty() && salesforce.isEmpty()) {
            throw new IllegalArgumentException("a link needs a HubSpot id or a Salesforce record");
        }
        salesforce.ifPresent(ref -> {
            if (ref.side() != Side.SALESFORCE) {
                throw new IllegalArgumentException("not a Salesforce record: " + ref);
            }
        });
        email = email.flatMap(NewRecordLink::normaliseEmail);
    }

    public static NewRecordLink of(String hubspotId, RecordRef salesforce, String email) {
        return new NewRecordLink(Optional.ofNullable(hubspotId), Optional.ofNullable(salesforce),
                Optional.ofNullable(email));
    }

    /** Trimmed and lower-cased, empty when blank: the form emails are stored and matched in. */
    public static Optional<String> normaliseEmail(String email) {
        return Emails.normalised(email);
    }
}
