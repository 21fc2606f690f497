package io.baton.core.record;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The record a person is paired with among the other system's records sharing their email
 * (DESIGN §3 Identity): the most recently modified; the others are its duplicates, reported and
 * left alone.
 */
public record EmailMatch(CrmRecord paired, List<CrmRecord> duplicates) {

    public EmailMatch {
        duplicates = List.copyOf(duplicates);
    }

    /** The newest of {@code candidates}, or empty when there are none. */
    public static Optional<EmailMatch> newest(List<CrmRecord> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<CrmRecord> newestFirst = candidates.stream()
                .sorted(Comparator.comparing(CrmRecord::modstamp).reversed()).toList();
        return Optional.of(new EmailMatch(newestFirst.get(0), newestFirst.subList(1, newestFirst.size())));
    }
}
