package io.baton.alerts;

import io.baton.config.LeakageProperties;
import io.baton.config.LeakageProperties.Recipient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who hears about a flag: {@code owner} is the flag's owner, {@code manager} that owner's team
 * manager (else the fallback manager), plus fixed addresses. A flag that resolves to nobody goes to
 * the fallback manager, never nowhere. Addresses are compared trimmed and in lower case.
 */
final class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final String fallback;
    private final Map<String, String> managerByOwner;
    private final Map<String, LeakageProperties.Rule> rules;
    private final Set<Long> reportedUnresolvable = ConcurrentHashMap.newKeySet();

    Recipients(LeakageProperties.Managers managers, List<LeakageProperties.Rule> rules) {
        this.fallback = normal(managers.fallback());
        Map<String, String> byOwner = new LinkedHashMap<>();
        managers.teams().forEach(team -> team.owners().forEach(owner -> byOwner.putIfAbsent(normal(owner),
                normal(team.manager()))));
        this.managerByOwner = Map.copyOf(byOwner);
        this.rules = rules.stream().collect(Collectors.toUnmodifiableMap(LeakageProperties.Rule::name,
                Function.identity(), (a, b) -> a));
    }

    String managerOf(Optional<String> owner) {
        return owner.map(Recipients::normal).map(managerByOwner::get).orElse(fallback);
    }

    /** Level 1 goes to the flag's rule's recipients and addresses (a rule no longer configured: the owner). */
    Set<String> forOpening(AlertedFlag flag) {
        LeakageProperties.Rule rule = rules.get(flag.rule());
        return rule == null ? resolve(flag, List.of(Recipient.OWNER), List.of())
                : resolve(flag, rule.recipients(), rule.addresses());
    }

    /** Level 2 goes to the escalation's recipients and addresses. */
    Set<String> forEscalation(AlertedFlag flag, LeakageProperties.Escalation escalation) {
        return resolve(flag, escalation.recipients(), escalation.addresses());
    }

    /** Each recipient of {@code digest} with the flags they hear about, in the order first met. */
    Map<String, List<AlertedFlag>> forDigest(LeakageProperties.Digest digest, List<AlertedFlag> flags) {
        Map<String, List<AlertedFlag>> byRecipient = new LinkedHashMap<>();
        for (AlertedFlag flag : flags) {
            for (String to : resolve(flag, digest.recipients(), digest.addresses())) {
                byRecipient.computeIfAbsent(to, k -> new ArrayList<>()).add(flag);
            }
        }
        return byRecipient;
    }

    /** The people named by {@code who} for this flag, plus {@code addresses}; never empty. */
    Set<String> resolve(AlertedFlag flag, List<Recipient> who, List<String> addresses) {
        Set<String> to = new LinkedHashSet<>();
        for (Recipient recipient : who) {
            switch (recipient) {
                case OWNER -> flag.ownerEmail().map(Recipients::normal).filter(e -> !e.isEmpty()).ifPresent(to::add);
                case MANAGER -> to.add(managerOf(flag.ownerEmail()));
            }
        }
        addresses.stream().map(Recipients::normal).forEach(to::add);
        if (to.isEmpty()) {
            if (reportedUnresolvable.add(flag.flagId())) {
                log.warn("flag {} ({}, rule {}) has no recipient (no owner, no address): mailing the fallback manager {}",
                        flag.flagId(), flag.kind(), flag.rule(), fallback);
            }
            to.add(fallback);
        }
        return Collections.unmodifiableSet(to);
    }

    private static String normal(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
