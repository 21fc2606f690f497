package io.baton.core.mapping;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What Baton creates in Salesforce for a HubSpot contact with no counterpart yet, decided per record:
 * with {@link Mode#MATCH_ACCOUNT_DOMAIN}, a Contact on the Account whose domain matches the email's
 * (sub-domains match their parent, {@code eu.acme.com} finds {@code acme.com}), else a Lead; or always
 * a Lead; or always a Contact (on the matching Account when there is one). Free-mail domains such as
 * {@code gmail.com} never match an Account: thousands of people share them.
 */
public record CreationPolicy(Mode mode, Set<String> freeMailDomains) {

    /** The policy names of config/mappings.yml {@code creation-policy}. */
    public enum Mode { MATCH_ACCOUNT_DOMAIN, ALWAYS_LEAD, ALWAYS_CONTACT }

    /** Free-mail and ISP domains ignored in matching unless configured otherwise. */
    public static final Set<String> DEFAULT_FREE_MAIL = Set.of(
            "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "ymail.com", "hotmail.com",
            "hotmail.co.uk", "hotmail.fr", "outlook.com", "live.com", "msn.com", "aol.com", "icloud.com", "me.com",
            "mac.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com",
            "yandex.com", "yandex.ru", "mail.ru", "qq.com", "163.com", "126.com", "zoho.com", "fastmail.com",
            "hey.com", "tutanota.com", "orange.fr", "free.fr", "t-online.de", "comcast.net", "verizon.net");

    /** The outcome: which object to create and, for a Contact, the Account to put it on. */
    public record Decision(SalesforceType type, Optional<String> accountId, String reason) {
        public Decision {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public CreationPolicy {
        Objects.requireNonNull(mode, "mode");
        freeMailDomains = freeMailDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public static CreationPolicy of(Mode mode) {
        return new CreationPolicy(mode, DEFAULT_FREE_MAIL);
    }

    /**
     * Decides for a person with {@code email}, given a lookup of Account ids by domain (lower-case,
     * e.g. {@code acme.com}).
     */
    public Decision decide(Optional<String> email, Function<String, Optional<String>> accountIdByDomain) {
        if (mode == Mode.ALWAYS_LEAD) {
            return new Decision(SalesforceType.LEAD, Optional.empty(), "creation policy always-lead");
        }
        Optional<String> domain = email.flatMap(CreationPolicy::domainOf);
        Optional<String> account = Optional.empty();
        String why;
        if (domain.isEmpty()) {
            why = "no email domain";
        } else if (freeMailDomains.contains(domain.get())) {
            why = domain.get() + " is a free-mail domain";
        } else {
            account = findAccount(domain.get(), accountIdByDomain);
            why = account.map(id -> domain.get() + " matches Account " + id)
                    .orElse("no Account matches " + domain.get());
        }
        if (mode == Mode.ALWAYS_CONTACT) {
            return new Decision(SalesforceType.CONTACT, account, "creation policy always-contact; " + why);
        }
        return account.map(id -> new Decision(SalesforceType.CONTACT, Optional.of(id), why))
                .orElseGet(() -> new Decision(SalesforceType.LEAD, Optional.empty(), why));
    }

    /** The domain of {@code email}, lower-case, if it has one. */
    static Optional<String> domainOf(String email) {
        String e = email.strip().toLowerCase(Locale.ROOT);
        int at = e.lastIndexOf('@');
        String domain = at < 0 ? "" : e.substring(at + 1);
        return domain.contains(".") && !domain.startsWith(".") && !domain.endsWith(".")
                ? Optional.of(domain) : Optional.empty();
    }

    private static Optional<String> findAccount(String domain, Function<String, Optional<String>> lookup) {
        String candidate = domain;
        while (candidate.indexOf('.') > 0) {
            Optional<String> found = lookup.apply(candidate);
            if (found.isPresent()) {
                return found;
            }
            String parent = candidate.substring(candidate.indexOf('.') + 1);
            if (parent.indexOf('.') < 0) {
                break; // never look a bare top-level domain up
            }
            candidate = parent;
        }
        return Optional.empty();
    }
}
