package io.baton.sandbox.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a request's method and path against templates such as
 * {@code /crm/v3/objects/contacts/{contactId}}. Literal segments beat variables, so
 * {@code /contacts/search} wins over {@code /contacts/{id}} whatever the order of registration.
 */
public final class Router {

    /** Handles one matched request. */
    @FunctionalInterface
    public interface Handler {
        SandboxResponse handle(SandboxRequest request) throws Exception;
    }

    /** A registered route; {@code endpoint} ("METHOD template") is the key the call counter uses. */
    public record Route(String method, String template, String endpoint, Handler handler, List<String> segments) {
    }

    /** A route that matched, with the request carrying its path variables. */
    public record Match(Route route, SandboxRequest request) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router route(String method, String template, Handler handler) {
        routes.add(new Route(method, template, method + " " + template, handler, split(template)));
        return this;
    }

    public Optional<Match> match(SandboxRequest request) {
        List<String> parts = split(request.path());
        Match best = null;
        int bestLiterals = -1;
        for (Route route : routes) {
            if (!route.method().equalsIgnoreCase(request.method()) || route.segments().size() != parts.size()) {
                continue;
            }
            Map<String, String> vars = new HashMap<>();
            int literals = 0;
            boolean ok = true;
            for (int i = 0; i < parts.size() && ok; i++) {
                String seg = route.segments().get(i);
                if (seg.startsWith("{") && seg.endsWith("}")) {
                    vars.put(seg.substring(1, seg.length() - 1), parts.get(i));
                } else if (seg.equals(parts.get(i))) {
                    literals++;
                } else {
                    ok = false;
                }
            }
            if (ok && literals > bestLiterals) {
                best = new Match(route, request.withPathVars(vars));
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** True when some route has this path, whatever its method (for 405 vs 404). */
    public boolean knowsPath(String path) {
        List<String> parts = split(path);
        return routes.stream().anyMatch(r -> r.segments().size() == parts.size() && matchesIgnoringMethod(r, parts));
    }

    private static boolean matchesIgnoringMethod(Route route, List<String> parts) {
        for (int i = 0; i < parts.size(); i++) {
            String seg = route.segments().get(i);
            if (!(seg.startsWith("{") && seg.endsWith("}")) && !seg.equals(parts.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
