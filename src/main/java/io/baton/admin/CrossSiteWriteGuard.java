package io.baton.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a write (any method but GET, HEAD, OPTIONS) that a browser says another site started.
 * Once an admin has logged in to the dashboard the browser keeps the basic-auth credentials and sends
 * them with every request to this host — also with a form another site's page posts here. Basic auth
 * has no session a CSRF token could belong to, so the browser's own word is used instead:
 * {@code Sec-Fetch-Site} other than same-origin or none, or an {@code Origin} that is not this host,
 * answers 403. Scripts (curl) send neither header and are not affected.
 */
final class CrossSiteWriteGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || !crossSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"status\":403,\"error\":\"Forbidden\",\"message\":"
                + "\"a write from another site's page is refused (Origin or Sec-Fetch-Site)\"}");
    }

    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !OWN_SITE.contains(fetchSite)) {
            return true;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin != null && !origin.equalsIgnoreCase(request.getScheme() + "://" + host(request));
    }

    private static String host(HttpServletRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        if (host != null && !host.isBlank()) {
            return host.trim();
        }
        int port = request.getServerPort();
        boolean defaultPort = port == 80 && "http".equals(request.getScheme()) || port == 443 && "https".equals(request.getScheme());
        return request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
