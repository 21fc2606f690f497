package io.baton.core.reconcile;

import io.baton.core.mapping.FieldMapping;
import io.baton.core.mapping.Mappings;
import io.baton.core.mapping.Transform;
import io.baton.core.mapping.Translated;
import io.baton.core.mapping.ValueTranslation;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.Side;
import java.util.Optional;

/**
 * Reads, translates and compares the values of one mapped field. Values are compared as they read
 * after the field's transforms; a value is the same as the other side's when it translates to it
 * (the comparison happens in Salesforce's space, where several HubSpot picklist values may meet).
 */
final class FieldValues {

    private final FieldMapping field;
    private final Optional<ValueTranslation> translation;

    FieldValues(Mappings mappings, FieldMapping field) {
        this.field = field;
        this.translation = mappings.translationOf(field);
    }

    FieldMapping field() {
        return field;
    }

    /** The value of the field on {@code side}'s record, after transforms (warnings kept for when it is sent). */
    Translated read(Side side, Optional<CrmRecord> record) {
        Optional<String> raw = record.flatMap(r -> r.value(field.field(side)));
        return raw.map(v -> Transform.applyAll(field.transforms(), field.field(side), v)).orElse(Translated.blank());
    }

    /** {@code value} read on {@code from}, as it is to be written to the other side. */
    Translated carry(Side from, Translated value) {
        if (value.value().isEmpty()) {
            return value;
        }
        String v = value.value().get();
        String name = field.field(from);
        Translated translated = translation
                .map(t -> from == Side.HUBSPOT ? t.toSalesforce(name, v) : t.toHubspot(name, v))
                .orElse(Translated.of(v));
        if (translated.failed() || translated.value().isEmpty()) {
            return translated.withIssues(value.issues());
        }
        Translated shaped = Transform.applyAll(field.transforms(), field.field(from.opposite()), translated.value().get());
        return new Translated(shaped.value(), false, java.util.List.of())
                .withIssues(value.issues()).withIssues(translated.issues()).withIssues(shaped.issues());
    }

    /** True when the HubSpot value and the Salesforce value say the same thing. */
    boolean same(Optional<String> hubspot, Optional<String> salesforce) {
        if (hubspot.isEmpty() || salesforce.isEmpty()) {
            return hubspot.isEmpty() && salesforce.isEmpty();
        }
        Translated inSalesforce = carry(Side.HUBSPOT, Translated.of(hubspot.get()));
        return !inSalesforce.failed() && inSalesforce.value().equals(salesforce);
    }
}
