package io.baton.salesforce;

import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import java.util.Optional;

/**
 * Reads the conversion state a Lead UPSERT carries (API-REFERENCE.md B.8): once converted, the
 * person lives on as the Contact in {@code ConvertedContactId}, and the link should follow it.
 */
public final class ConvertedLeads {

    public static final String IS_CONVERTED = "IsConverted";
    public static final String CONVERTED_CONTACT_ID = "ConvertedContactId";

    private ConvertedLeads() {
    }

    public static boolean isConverted(CrmRecord lead) {
        return "Lead".equals(lead.ref().type()) && lead.value(IS_CONVERTED).map(Boolean::parseBoolean).orElse(false);
    }

    /** The Contact a converted Lead became; empty for a Lead not (yet) converted, or any other record. */
    public static Optional<RecordRef> contactOf(CrmRecord lead) {
        return isConverted(lead) ? lead.value(CONVERTED_CONTACT_ID).map(id -> RecordRef.salesforce("Contact", id))
                : Optional.empty();
    }
}
