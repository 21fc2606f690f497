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
import java.util.TreeSet;
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
    private final QuietHours quiet;
    private final Clock clock;

    Alerts(OpenFlags openFlags, Recipients recipients, AlertComposer composer, AlertOutbox outbox,
           AlertRepository store, DigestRunRepository digestRuns, LeakageProperties leakage, QuietHours quiet,
           Clock clock) {
        this.openFlags = openFlags;
        this.recipients = recipients;
        this.composer = composer;
        this.outbox = outbox;
        this.store = store;
        this.digestRuns = digestRuns;
        this.leakage = leakage;
        this.quiet = quiet;
        this.clock = clock;
    }

    /**
     * Mails every (flag, level) not mailed before: level 1 to the rule's recipients, level 2 (when
     * escalation is enabled) to the escalation's; one mail per recipient and level. A flag first
     * seen at level 2 gets both, but a person who is a recipient of both hears of it once, in the
     * level-2 mail, which then covers both levels. Returns how many mails were sent.
     */
    public synchronized int sendEscalations() {
        List<AlertedFlag> open = openFlags.open();
        if (open.isEmpty()) {
            return 0;
        }
        Set<CoveredFlag> done = store.escalated(open.stream().map(AlertedFlag::flagId).toList());
        Map<String, Map<AlertedFlag, TreeSet<Integer>>> byRecipient = new LinkedHashMap<>();
        for (AlertedFlag flag : open) {
            int top = leakage.escalation().enabled() ? flag.level() : 1;
            for (int level = 1; level <= top; level++) {
                if (!done.contains(new CoveredFlag(flag.flagId(), level))) {
                    Set<String> to = level == 1 ? recipients.forOpening(flag)
                            : recipients.forEscalation(flag, leakage.escalation());
                    for (String r : to) {
                        byRecipient.computeIfAbsent(r, k -> new LinkedHashMap<>())
                                .computeIfAbsent(flag, f -> new TreeSet<>()).add(level);
                    }
                }
            }
        }
        List<NewAlert> mails = new ArrayList<>();
        for (int level = 1; level <= 2; level++) {
            for (Map.Entry<String, Map<AlertedFlag, TreeSet<Integer>>> to : byRecipient.entrySet()) {
                mail(to.getKey(), level, to.getValue()).ifPresent(mails::add);
            }
        }
        if (mails.isEmpty()) {
            return 0;
        }
        AlertOutbox.Batch batch = outbox.storeAndSend(mails, () -> true);
        log.info("escalations: {} open flags, {} mails stored, {} sent{}", open.size(), batch.stored(), batch.sent(),
                batch.note());
        return batch.sent();
    }

    /** One person's mail at {@code level}: the flags whose highest new level for them is this one. */
    private Optional<NewAlert> mail(String recipient, int level, Map<AlertedFlag, TreeSet<Integer>> levelsByFlag) {
        List<AlertedFlag> flags = new ArrayList<>();
        List<CoveredFlag> covered = new ArrayList<>();
        levelsByFlag.forEach((flag, levels) -> {
            if (levels.last() == level) {
                flags.add(flag);
                levels.forEach(l -> covered.add(new CoveredFlag(flag.flagId(), l)));
            }
        });
        return flags.isEmpty() ? Optional.empty() : Optional.of(composer.escalation(recipient, level, flags, covered));
    }

    /**
     * Sends each digest whose cron time has come since it last went out: once for the latest such
     * time, however many passed. A digest never run before starts counting from now. A tick that
     * comes in quiet hours waits for their end (rendered then, with the flags open then), and goes
     * out once. Returns how many mails were sent.
     */
    public synchronized int sendDueDigests() {
        Instant now = clock.instant();
        Optional<Instant> quietUntil = quiet.until(now);
        int sent = 0;
        for (LeakageProperties.Digest digest : leakage.digests()) {
            Optional<Instant> last = digestRuns.lastTick(digest.name());
            if (last.isEmpty()) {
                digestRuns.advance(digest.name(), Optional.empty(), now);
                continue;
            }
            Optional<Instant> tick = new DigestSchedule(digest.cron(), leakage.calendar().timeZone()).dueTick(last.get(), now);
            if (tick.isPresent() && quietUntil.isPresent()) {
                log.debug("digest {} for {} waits for the end of quiet hours at {}", digest.name(), tick.get(),
                        quietUntil.get());
            } else if (tick.isPresent()) {
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
        AlertOutbox.Batch batch = outbox.storeAndSend(mails, () -> digestRuns.advance(digest.name(), Optional.of(last), tick));
        log.info("digest {} for {}: {} open flags, {} mails, {} sent{}", digest.name(), tick, open.size(), mails.size(),
                batch.sent(), batch.note());
        return batch.sent();
    }
}
