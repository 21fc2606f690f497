package io.baton.salesforce;

import java.util.Locale;
import java.util.Optional;

/**
 * Reduces what people type into {@code Account.Website} ("https://www.Acme.com/about",
 * "acme.com", "www.acme.com:443") and the domain of an email address to one comparable form,
 * {@code acme.com}, for the Lead-or-Contact creation policy.
 */
public final class WebsiteDomains {

    private WebsiteDomains() {
    }

    /** The bare lower-case host without {@code www.}; empty when there is no dotted host in it. */
    public static Optional<String> normalise(String websiteOrDomain) {
        if (websiteOrDomain == null) {
            return Optional.empty();
        }
        String s = websiteOrDomain.trim().toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        s = cutAt(s, "/?#");
        s = cutAt(s.substring(s.lastIndexOf('@') + 1), ":");
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("www.")) {
            s = s.substring(4);
        }
        return s.contains(".") && !s.startsWith(".") && s.chars().noneMatch(Character::isWhitespace)
                ? Optional.of(s) : Optional.empty();
    }

    private static String cutAt(String s, String ends) {
        for (int i = 0; i < s.length(); i++) {
            if (ends.indexOf(s.charAt(i)) >= 0) {
                return s.substring(0, i);
            }
        }
        return s;
    }
}
