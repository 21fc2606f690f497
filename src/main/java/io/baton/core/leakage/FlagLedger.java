package io.baton.core.leakage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides what a scan does to the stored flags of the records it scanned: a finding without an
 * open flag opens one; a finding whose level passed its flag's raises the flag; an open flag
 * without a finding closes (the leak was fixed); everything else stays as it is, so a leak that
 * persists is flagged, and alerted, once.
 */
public final class FlagLedger {

    private FlagLedger() {
    }

    /** An open flag as the ledger sees it. */
    public record OpenFlag(long id, FlagKey key, int level) {

        public OpenFlag {
            Objects.requireNonNull(key, "key");
        }
    }

    /** A level raise of an open flag. */
    public record Raise(OpenFlag flag, LeakFinding finding) {
    }

    /**
     * What to do.
     *
     * @param open  findings to open a flag for (at most one per key)
     * @param raise open flags whose finding reached a higher level
     * @param keep  open flags whose finding still holds at the same or a lower level
     * @param close open flags whose condition cleared
     */
    public record Decision(List<LeakFinding> open, List<Raise> raise, List<OpenFlag> keep, List<OpenFlag> close) {

        public Decision {
            open = List.copyOf(open);
            raise = List.copyOf(raise);
            keep = List.copyOf(keep);
            close = List.copyOf(close);
        }
    }

    /**
     * The decision for a scanned population: {@code openFlags} are the open flags of the records in
     * {@code scanned}; {@code findings} are this scan's findings on them. Open flags of a record that
     * was not scanned are left alone (another page decides them). When several findings share a key
     * (two rules of one kind), the highest level, then the earliest due, wins.
     */
    public static Decision decide(Collection<OpenFlag> openFlags, Collection<LeakFinding> findings,
                                  Set<io.baton.core.record.RecordRef> scanned) {
        Map<FlagKey, LeakFinding> byKey = new LinkedHashMap<>();
        for (LeakFinding f : findings) {
            byKey.merge(f.key(), f, FlagLedger::stronger);
        }
        Map<FlagKey, OpenFlag> flags = new LinkedHashMap<>();
        List<OpenFlag> close = new ArrayList<>();
        for (OpenFlag flag : openFlags) {
            if (!scanned.contains(flag.key().record())) {
                continue;
            }
            if (flags.putIfAbsent(flag.key(), flag) != null) {
                close.add(flag);   // a second open flag for one key can only be an old mistake: close it
            }
        }
        List<LeakFinding> open = new ArrayList<>();
        List<Raise> raise = new ArrayList<>();
        List<OpenFlag> keep = new ArrayList<>();
        byKey.forEach((key, finding) -> {
            OpenFlag flag = flags.get(key);
            if (flag == null) {
                open.add(finding);
            } else if (finding.level() > flag.level()) {
                raise.add(new Raise(flag, finding));
            } else {
                keep.add(flag);
            }
        });
        flags.forEach((key, flag) -> {
            if (!byKey.containsKey(key)) {
                close.add(flag);
            }
        });
        return new Decision(open, raise, keep, close);
    }

    private static LeakFinding stronger(LeakFinding a, LeakFinding b) {
        if (a.level() != b.level()) {
            return a.level() > b.level() ? a : b;
        }
        return b.dueAt().isBefore(a.dueAt()) ? b : a;
    }
}
