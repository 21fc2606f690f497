package io.baton.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /actuator/prometheus} in the text format: each sample by its name and labels. */
final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})?\\s+(\\S+).*$");

    /** {@code name{k="v",…}} as the scrape wrote it → value. */
    private final Map<String, Double> samples = new LinkedHashMap<>();
    private final Set<String> names = new TreeSet<>();

    PrometheusScrape(String text) {
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            names.add(m.group(1));
            samples.put(m.group(1) + "{" + (m.group(3) == null ? "" : m.group(3)) + "}", Double.parseDouble(m.group(4)));
        }
    }

    /** Every sample name, suffixes included ({@code _total}, {@code _bucket}, {@code _sum}, {@code _count}). */
    Set<String> names() {
        return names;
    }

    /**
     * The value of the one sample of {@code name} whose labels include every {@code label="value"}
     * given, e.g. {@code value("baton_leaks_open", "kind", "stale")}; fails when none or several match.
     */
    double value(String name, String... labels) {
        Double found = null;
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            if (matches(sample.getKey(), name, labels)) {
                if (found != null) {
                    throw new AssertionError("several samples of " + name + " match " + String.join(",", labels));
                }
                found = sample.getValue();
            }
        }
        if (found == null) {
            throw new AssertionError("no sample " + name + " with " + String.join(",", labels) + " in the scrape");
        }
        return found;
    }

    private static boolean matches(String sample, String name, String... labels) {
        if (!sample.startsWith(name + "{")) {
            return false;
        }
        String inside = sample.substring(name.length() + 1, sample.length() - 1);
        for (int i = 0; i < labels.length; i += 2) {
            if (!("," + inside + ",").contains("," + labels[i] + "=\"" + labels[i + 1] + "\",")) {
                return false;
            }
        }
        return true;
    }
}
