package io.baton.sandbox.salesforce;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Salesforce record ids (API-REFERENCE B): a 3-char key prefix, 12 base-62 chars, and a 3-char
 * case-safe suffix that makes the 18-char form usable case-insensitively. Inputs may be 15 or 18
 * chars; the sandbox stores and compares the 18-char form.
 */
public final class SalesforceIds {

    /** Ordered 0-9, A-Z, a-z so that ids of one prefix sort in creation order (SOQL ORDER BY Id). */
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private final AtomicLong sequence = new AtomicLong(1);
    /** Two chars after the prefix, as in a real org's pod/instance marker ("00QRO…"). */
    private final String pod;

    public SalesforceIds(String pod) {
        if (pod.length() != 2) {
            throw new IllegalArgumentException("pod must be 2 chars");
        }
        this.pod = pod;
    }

    /** The next 18-char id with this key prefix (00Q Lead, 003 Contact, 001 Account, 006 Opportunity, 005 User). */
    public String next(String keyPrefix) {
        long n = sequence.getAndIncrement();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            body.append(BASE62.charAt((int) (n % 62)));
            n /= 62;
        }
        return withSuffix(keyPrefix + pod + body.reverse());
    }

    /** Adds the 3-char checksum to a 15-char id (the documented case-safe algorithm). */
    public static String withSuffix(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_CHARS.charAt(bits));
        }
        return id15 + suffix;
    }

    /**
     * The 18-char form of a well-formed 15- or 18-char id, or empty when the text is not an id
     * (the caller answers MALFORMED_ID). An 18-char id is matched case-insensitively via its suffix.
     */
    public static Optional<String> normalize(String text) {
        if (text == null || (text.length() != 15 && text.length() != 18)) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (BASE62.indexOf(text.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        if (text.length() == 15) {
            return Optional.of(withSuffix(text));
        }
        String fixed = restoreCase(text);
        return withSuffix(fixed.substring(0, 15)).equalsIgnoreCase(text) ? Optional.of(fixed) : Optional.empty();
    }

    /** Uses the suffix to recover the original case of the first 15 chars of an 18-char id. */
    private static String restoreCase(String id18) {
        StringBuilder out = new StringBuilder(18);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = SUFFIX_CHARS.indexOf(Character.toUpperCase(id18.charAt(15 + chunk)));
            if (bits < 0) {
                return id18;
            }
            for (int i = 0; i < 5; i++) {
                char c = id18.charAt(chunk * 5 + i);
                out.append((bits & (1 << i)) != 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
        }
        return out.append(id18.substring(15).toUpperCase(java.util.Locale.ROOT)).toString();
    }

    public static String keyPrefix(String id) {
        return id.substring(0, 3);
    }
}
