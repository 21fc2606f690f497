package io.baton.alerts;

import io.baton.config.LeakageProperties;
import io.baton.store.AlertRepository;
import io.baton.store.CoveredFlag;
import io.baton.store.DigestRunRepository;
import io.baton.store.NewAlert;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert mail about leak flags, the bean {@code alerts} the routes call: immediate escalations (after
 * each leak scan), digests when their cron time comes, and retries of mail the server did not take.
 * Runs are serialized: the timers and the scan may call at the same time.
 */
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final OpenFlags openFlags;
    private final Recipients recipients;
    private final AlertComposer composer;
    private final AlertOutbox outbox;
    private final DigestRunRepository digestRuns;
    private final AlertRepository store;
    private final LeakageProperties leakage;
    private final Clock clock;

    Alerts(OpenFlags openFlags, Recipients recipients, AlertComposer composer, AlertOutbox outbox,
           AlertRepository store, DigestRunRepository digestRuns, LeakageProperties leakage, Clock clock) {
        this.openFlags = openFlags;
        this.recipients = recipients;
        this.composer = composer;
        this.outbox = outbox;
        this.store = store;
        this.digestRuns = digestRuns;
        this.leakage = leakage;
        this.clock = clock;
    }

    /**
     * Mails every (flag, level) not mailed before: level 1 to the rule's recipients, level 2 (when
     * escalation is enabled) to the escalation's; one mail per recipient and level. A flag first
     * seen at level 2 gets both. Returns how many mails were sent.
     */
    public synchronized int sendEscalations() {
        List<AlertedFlag> open = openFlags.open();
        if (open.isEmpty()) {
            return 0;
        }
        Set<CoveredFlag> done = store.escalated(open.stream().map(AlertedFlag::flagId).toList());
        Map<Integer, Map<String, List<AlertedFlag>>> byLevel = new LinkedHashMap<>();
        for (AlertedFlag flag : open) {
            int top = leakage.escalation().enabled() ? flag.level() : 1;
            for (int level = 1; level <= top; level++) {
                if (!done.contains(new CoveredFlag(flag.flagId(), level))) {
                    Set<String> to = level == 1 ? recipients.forOpening(flag)
                            : recipients.forEscalation(flag, leakage.escalation());
                    Map<String, List<AlertedFlag>> forLevel = byLevel.computeIfAbsent(level, l -> new LinkedHashMap<>());
                    to.forEach(r -> forLevel.computeIfAbsent(r, k -> new ArrayList<>()).add(flag));
                }
            }
        }
        List<NewAlert> mails = new ArrayList<>();
        byLevel.forEach((level, byRecipient) -> byRecipient.forEach((to, flags) ->
                mails.add(composer.escalation(to, level, flags))));
        if (mails.isEmpty()) {
            return 0;
        }
        int sent = outbox.storeAndSend(mails, () -> true);
        log.info("escalations: {} open flags, {} mails stored, {} sent", open.size(), mails.size(), sent);
        return sent;
    }

    /**
     * Sends each digest whose cron time has come since it last went out: once for the latest such
     * time, however many passed. A digest never run before starts counting from now. Returns how
     * many mails were sent.
     */
    public synchronized int sendDueDigests() {
        Instant now = clock.instant();
        int sent = 0;
        for (LeakageProperties.Digest digest : leakage.digests()) {
            Optional<Instant> last = digestRuns.lastTick(digest.name());
            if (last.isEmpty()) {
                digestRuns.advance(digest.name(), Optional.empty(), now);
                continue;
            }
            Optional<Instant> tick = new DigestSchedule(digest.cron(), leakage.calendar().timeZone()).dueTick(last.get(), now);
            if (tick.isPresent()) {
                sent += sendDigest(digest, last.get(), tick.get());
            }
        }
        return sent;
    }

    /** Retries the mail whose next attempt has come. Returns how many were sent. */
    public synchronized int retryFailed() {
        return outbox.retryDue();
    }

    private int sendDigest(LeakageProperties.Digest digest, Instant last, Instant tick) {
        List<AlertedFlag> open = openFlags.open();
        List<NewAlert> mails = new ArrayList<>();
        recipients.forDigest(digest, open).forEach((to, flags) -> mails.add(composer.digest(digest.name(), to, flags)));
        int sent = outbox.storeAndSend(mails, () -> digestRuns.advance(digest.name(), Optional.of(last), tick));
        log.info("digest {} for {}: {} open flags, {} mails, {} sent", digest.name(), tick, open.size(), mails.size(), sent);
        return sent;
    }
}
