package io.baton.sandbox.salesforce;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens issued by the token endpoint. A token dies {@code lifetime} after it was issued on
 * the sandbox clock (the real org counts inactivity; a fixed lifetime is the stricter case for a
 * client), when revoked, or when a test calls {@link #expireAll()}.
 */
final class SessionStore {

    record Session(String token, String userId, Instant issuedAt, Instant expiresAt) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;
    private final String orgId;

    SessionStore(Clock clock, Duration lifetime, String orgId) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.orgId = orgId;
    }

    /** A new session; the token looks like a real one: {@code <15-char org id>!<opaque>} (B.1). */
    Session issue(String userId) {
        byte[] bytes = new byte[72];
        random.nextBytes(bytes);
        String token = orgId.substring(0, 15) + "!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Session session = new Session(token, userId, now, now.plus(lifetime));
        sessions.put(token, session);
        return session;
    }

    Optional<Session> validate(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = sessions.get(token);
        if (s == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(s.expiresAt())) {
            sessions.remove(token);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void revoke(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    void expireAll() {
        sessions.clear();
    }

    int active() {
        return sessions.size();
    }
}
