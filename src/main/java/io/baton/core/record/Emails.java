package io.baton.core.record;

import java.util.Locale;
import java.util.Optional;

/**
 * How Baton compares emails when it matches people across the systems (DESIGN §3 Identity):
 * trimmed and lower-cased. Both CRMs keep what was typed; matching must not care.
 */
public final class Emails {

    private Emails() {
    }

    /** The matching key of an email; empty for a blank or absent one. */
    public static String key(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** The matching key, or empty when there is no email to match on. */
    public static Optional<String> normalised(String email) {
        String key = key(email);
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
