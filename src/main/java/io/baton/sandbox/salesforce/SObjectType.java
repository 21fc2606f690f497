package io.baton.sandbox.salesforce;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One simulated sObject type: name, key prefix and fields; field names are matched case-insensitively as in SOQL. */
public record SObjectType(String name, String keyPrefix, List<SObjectField> fields, Map<String, SObjectField> byLowerName) {

    public SObjectType {
        fields = List.copyOf(fields);
        byLowerName = Collections.unmodifiableMap(new LinkedHashMap<>(byLowerName));
    }

    static SObjectType of(String name, String keyPrefix, List<SObjectField> fields) {
        Map<String, SObjectField> index = new LinkedHashMap<>();
        fields.forEach(f -> index.put(f.name().toLowerCase(Locale.ROOT), f));
        return new SObjectType(name, keyPrefix, fields, index);
    }

    public Optional<SObjectField> field(String name) {
        return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    public boolean hasField(String name) {
        return byLowerName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The unique external-id fields (what upsert may key on). */
    public List<SObjectField> externalIds() {
        return fields.stream().filter(SObjectField::externalId).toList();
    }
}
