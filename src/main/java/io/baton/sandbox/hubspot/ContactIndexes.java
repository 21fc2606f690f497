package io.baton.sandbox.hubspot;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lookups by the unique properties: {@code email} case-insensitively (A.3 "case-insensitive email
 * uniqueness", merged-in emails included) and {@code baton_salesforce_id} exactly. Archived records
 * free their values. Guarded by the store's lock.
 */
final class ContactIndexes {

    private final Map<String, Long> byEmail = new HashMap<>();
    private final Map<String, Long> bySalesforceId = new HashMap<>();

    static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** The id holding this value of a unique property, or null. */
    Long lookup(String property, String value) {
        return switch (property) {
            case PropertyCatalog.EMAIL -> byEmail.get(normaliseEmail(value));
            case PropertyCatalog.SALESFORCE_ID -> bySalesforceId.get(value);
            default -> null;
        };
    }

    /** Throws when the write would reuse another record's unique value. */
    void checkUnique(Long selfId, Map<String, String> properties) {
        check(selfId, PropertyCatalog.EMAIL, properties.get(PropertyCatalog.EMAIL));
        check(selfId, PropertyCatalog.SALESFORCE_ID, properties.get(PropertyCatalog.SALESFORCE_ID));
    }

    private void check(Long selfId, String property, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Long holder = lookup(property, value);
        if (holder != null && !holder.equals(selfId)) {
            throw new DuplicateValueException(property, Long.toString(holder));
        }
    }

    void remove(long id) {
        byEmail.values().removeIf(v -> v == id);
        bySalesforceId.values().removeIf(v -> v == id);
    }

    /** Points a merged-away record's emails at the survivor. */
    void redirect(long from, long to) {
        byEmail.replaceAll((k, v) -> v == from ? to : v);
        bySalesforceId.values().removeIf(v -> v == from);
    }

    void reindex(StoredContact c) {
        remove(c.id);
        if (c.archived) {
            return;
        }
        String email = c.value(PropertyCatalog.EMAIL);
        if (email != null) {
            byEmail.put(email, c.id);
        }
        String extra = c.value(PropertyCatalog.ADDITIONAL_EMAILS);
        if (extra != null) {
            for (String e : extra.split(";")) {
                byEmail.putIfAbsent(e, c.id);
            }
        }
        String sfId = c.value(PropertyCatalog.SALESFORCE_ID);
        if (sfId != null) {
            bySalesforceId.put(sfId, c.id);
        }
    }
}
