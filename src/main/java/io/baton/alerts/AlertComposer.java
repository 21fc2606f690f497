package io.baton.alerts;

import io.baton.store.CoveredFlag;
import io.baton.store.NewAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a batch of flags for one recipient into a mail ready for the outbox: subject, the
 * template variables, text and HTML. Times are shown in the business calendar's time zone.
 */
final class AlertComposer {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final AlertTemplates templates;
    private final CrmLinks links;
    private final ZoneId zone;
    private final double multiple;
    private final Clock clock;

    AlertComposer(AlertTemplates templates, CrmLinks links, ZoneId zone, double multiple, Clock clock) {
        this.templates = templates;
        this.links = links;
        this.zone = zone;
        this.multiple = multiple;
        this.clock = clock;
    }

    /** One recipient's new flags of one level. */
    NewAlert escalation(String recipient, int level, List<AlertedFlag> flags) {
        return escalation(recipient, level, flags, flags.stream().map(f -> new CoveredFlag(f.flagId(), level)).toList());
    }

    /**
     * One recipient's new flags of one level, recording {@code covered} (which may add a lower level
     * of a flag, told in this mail rather than in a second one to the same person).
     */
    NewAlert escalation(String recipient, int level, List<AlertedFlag> flags, List<CoveredFlag> covered) {
        List<AlertedFlag> sorted = oldestFirst(flags);
        String times = formatMultiple();
        String subject = level == 1
                ? "Baton: " + count(sorted.size()) + (sorted.size() == 1 ? " is" : " are") + " past the SLA"
                : "Baton escalation: " + count(sorted.size()) + " open past " + times + " the SLA";
        Map<String, Object> model = common(recipient, sorted);
        model.put("level", level);
        model.put("multiple", times);
        AlertTemplates.Rendered mail = templates.render(AlertTemplates.ESCALATION, model);
        return NewAlert.escalation(List.of(recipient), subject, mail.text(), mail.html(), covered);
    }

    /** One recipient's share of a digest: every open flag of theirs. */
    NewAlert digest(String digest, String recipient, List<AlertedFlag> flags) {
        List<AlertedFlag> sorted = oldestFirst(flags);
        Map<String, Integer> byKind = new TreeMap<>();
        sorted.forEach(f -> byKind.merge(f.kind(), 1, Integer::sum));
        Map<String, Object> model = common(recipient, sorted);
        model.put("digest", digest);
        model.put("counts", byKind.entrySet().stream().map(e -> new KindCount(e.getKey(), e.getValue())).toList());
        AlertTemplates.Rendered mail = templates.render(AlertTemplates.DIGEST, model);
        String subject = "Baton " + digest + " digest: " + sorted.size() + " open flag" + (sorted.size() == 1 ? "" : "s");
        return NewAlert.digest(digest, List.of(recipient), subject, mail.text(), mail.html(),
                sorted.stream().map(f -> new CoveredFlag(f.flagId(), f.level())).toList());
    }

    private Map<String, Object> common(String recipient, List<AlertedFlag> flags) {
        Instant now = clock.instant();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("recipient", recipient);
        model.put("now", show(now));
        model.put("count", flags.size());
        model.put("flags", flags.stream().map(f -> row(f, now)).toList());
        return model;
    }

    FlagRow row(AlertedFlag f, Instant now) {
        String sfType = f.salesforceType().orElse(null);
        String record = f.salesforceId().map(id -> sfType + " " + id)
                .orElseGet(() -> "HubSpot contact " + f.hubspotId().orElseThrow());
        return new FlagRow(f.flagId(), f.kind(), f.rule(), f.level(), record, f.hubspotId().orElse(null),
                f.hubspotId().map(links::hubspot).orElse(null), sfType, f.salesforceId().orElse(null),
                f.salesforceId().map(id -> links.salesforce(sfType, id)).orElse(null), f.stage().orElse(null),
                f.ownerEmail().orElse(null), show(f.openedAt()), Ages.human(Duration.between(f.openedAt(), now)),
                show(f.dueAt()), now.isAfter(f.dueAt()) ? Ages.human(Duration.between(f.dueAt(), now)) : null,
                f.cause().orElse(null));
    }

    private String show(Instant instant) {
        return SHOWN.format(instant.atZone(zone));
    }

    private String formatMultiple() {
        return (multiple == Math.rint(multiple) ? Long.toString((long) multiple) : Double.toString(multiple)) + "×";
    }

    private static String count(int n) {
        return n + (n == 1 ? " lead" : " leads");
    }

    private static List<AlertedFlag> oldestFirst(List<AlertedFlag> flags) {
        return flags.stream().sorted(Comparator.comparing(AlertedFlag::openedAt).thenComparing(AlertedFlag::flagId))
                .toList();
    }
}
