package io.baton.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The CRM endpoints must be real HTTPS URLs: credentials and customer data travel on them. Plain
 * http is allowed only to this machine (the sandbox profiles' simulators on loopback), so a typo
 * or a copied test setting can never send a token in the clear across a network. Certificate
 * checks are never switched off: Baton has no key for that.
 */
final class EndpointsCheck {

    static final List<String> ENDPOINTS = List.of("baton.hubspot.base-url", "camel.component.salesforce.login-url",
            "camel.component.salesforce.instance-url");

    private EndpointsCheck() {
    }

    static void check(ConfigurableEnvironment environment, Problems problems) {
        for (String key : ENDPOINTS) {
            String value = PropertyKeys.resolved(environment, key);
            if (!value.isBlank() && !problems.hasAtOrAbove(key)) {
                String shown = PropertyKeys.show(key, KnownKeysCheck.rawValue(environment, key), value.trim());
                problem(value.trim(), shown).ifPresent(message -> problems.add(key, message));
            }
        }
    }

    /** What is wrong with an endpoint URL, if anything. */
    static Optional<String> problem(String url) {
        return problem(url, "'" + url + "'");
    }

    /** As {@link #problem(String)}, the URL written as {@code shown} (a value from a secret placeholder stays hidden). */
    private static Optional<String> problem(String url, String shown) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(shown + " is not a URL (" + e.getReason() + "); write it as https://host");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of(shown + " is not an http(s) URL with a host; write it as https://host");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return Optional.of(shown + " uses plain http to " + uri.getHost()
                    + ": only https is allowed, except to this machine (127.0.0.1, localhost, ::1) for the sandbox");
        }
        return Optional.empty();
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
