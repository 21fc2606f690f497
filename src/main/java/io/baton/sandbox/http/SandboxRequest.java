package io.baton.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a simulator sees it. Query parameters are URL-decoded; header names are
 * matched case-insensitively; {@code pathVars} holds the values of the route template's
 * {@code {name}} segments.
 */
public record SandboxRequest(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        byte[] body,
        Map<String, String> pathVars) {

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All values of a repeated or comma-separated query parameter. */
    public List<String> queryParamList(String name) {
        List<String> values = query.get(name);
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(v -> List.of(v.split(",")).stream())
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    public Optional<String> header(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return headers.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String pathVar(String name) {
        return pathVars.get(name);
    }

    SandboxRequest withPathVars(Map<String, String> vars) {
        return new SandboxRequest(method, path, rawQuery, query, headers, body, Map.copyOf(vars));
    }
}
