package io.baton.config;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Walks every {@code baton.*} key written in a config file (not the command line or the
 * environment) against the {@link KeyCatalog}: unknown keys get a did-you-mean, enum values are
 * matched strictly (Spring would quietly accept {@code two_way} for {@code two-way}; the admin's
 * files should say what the documentation says), and placeholders must resolve. Keys under
 * {@code spring.*}, {@code camel.*}, {@code management.*}, {@code server.*}, {@code logging.*} belong
 * to those frameworks and are left alone.
 */
final class KnownKeysCheck {

    private final KeyCatalog catalog;

    KnownKeysCheck(KeyCatalog catalog) {
        this.catalog = catalog;
    }

    void check(ConfigurableEnvironment environment, Problems problems) {
        for (String key : configFileKeys(environment)) {
            KeyCatalog.Lookup lookup = catalog.lookup(key);
            if (lookup instanceof KeyCatalog.Unknown unknown) {
                problems.addUnknownKey(unknown.key(), "unknown key" + unknown.hint());
            } else if (lookup instanceof KeyCatalog.Known known) {
                checkValue(environment, key, known, problems);
            }
        }
    }

    private static void checkValue(ConfigurableEnvironment environment, String key, KeyCatalog.Known known,
                                   Problems problems) {
        if (SecretsCheck.covers(key)) {
            return;
        }
        String value;
        try {
            value = environment.getProperty(key);
        } catch (IllegalArgumentException unresolvable) {
            String variable = PropertyKeys.placeholder(rawValue(environment, key)).orElse("?");
            problems.add(key, "unresolved placeholder ${" + variable + "}: set the environment variable " + variable
                    + " or give a default, as in ${" + variable + ":value}");
            return;
        }
        if (value != null && known.type().isEnum()) {
            String[] values = known.listed() ? value.split(",") : new String[] {value};
            for (String v : values) {
                Object raw = rawValue(environment, key);
                String shown = raw != null && raw.toString().contains("${") ? raw.toString() : v;
                KeyCatalog.strictEnumProblem(key, known.type(), shown).ifPresent(m -> problems.add(key, m));
            }
        }
    }

    /** The {@code baton.*} keys of every loaded config file, highest precedence first, each once. */
    static Set<String> configFileKeys(ConfigurableEnvironment environment) {
        Set<String> keys = new LinkedHashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof OriginTrackedMapPropertySource file) {
                for (String name : file.getPropertyNames()) {
                    if (name.startsWith("baton.")) {
                        keys.add(name);
                    }
                }
            }
        }
        return keys;
    }

    /** The value as written, before placeholders are resolved. */
    static Object rawValue(ConfigurableEnvironment environment, String key) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.containsProperty(key)) {
                Object value = source.getProperty(key);
                return value instanceof org.springframework.boot.origin.OriginTrackedValue tracked ? tracked.getValue() : value;
            }
        }
        return null;
    }
}
