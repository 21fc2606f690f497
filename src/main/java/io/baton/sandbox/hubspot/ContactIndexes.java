package io.baton.sandbox.hubspot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lookups by the unique properties: {@code email} case-insensitively (A.3 "case-insensitive email
 * uniqueness", merged-in emails included) and {@code baton_salesforce_id} exactly. Archived records
 * free their values. Guarded by the store's lock. Each record's own keys are kept too, so a write
 * re-indexes one record without scanning the whole index (a backfill of 100,000 creates would be
 * quadratic otherwise).
 */
final class ContactIndexes {

    private final Map<String, Long> byEmail = new HashMap<>();
    private final Map<String, Long> bySalesforceId = new HashMap<>();
    private final Map<Long, List<String>> emailsOf = new HashMap<>();
    private final Map<Long, String> salesforceIdOf = new HashMap<>();

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
        List<String> emails = emailsOf.remove(id);
        if (emails != null) {
            emails.forEach(e -> byEmail.remove(e, id));
        }
        String sfId = salesforceIdOf.remove(id);
        if (sfId != null) {
            bySalesforceId.remove(sfId, id);
        }
    }

    /** Points a merged-away record's emails at the survivor. */
    void redirect(long from, long to) {
        List<String> emails = emailsOf.remove(from);
        if (emails != null) {
            for (String e : emails) {
                if (byEmail.replace(e, from, to)) {
                    emailsOf.computeIfAbsent(to, k -> new ArrayList<>()).add(e);
                }
            }
        }
        String sfId = salesforceIdOf.remove(from);
        if (sfId != null) {
            bySalesforceId.remove(sfId, from);
        }
    }

    void reindex(StoredContact c) {
        remove(c.id);
        if (c.archived) {
            return;
        }
        List<String> emails = new ArrayList<>();
        String email = c.value(PropertyCatalog.EMAIL);
        if (email != null) {
            byEmail.put(email, c.id);
            emails.add(email);
        }
        String extra = c.value(PropertyCatalog.ADDITIONAL_EMAILS);
        if (extra != null) {
            for (String e : extra.split(";")) {
                if (byEmail.putIfAbsent(e, c.id) == null) {
                    emails.add(e);
                }
            }
        }
        if (!emails.isEmpty()) {
            emailsOf.put(c.id, emails);
        }
        String sfId = c.value(PropertyCatalog.SALESFORCE_ID);
        if (sfId != null) {
            bySalesforceId.put(sfId, c.id);
            salesforceIdOf.put(c.id, sfId);
        }
    }
}
