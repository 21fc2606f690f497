package io.baton.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Hides secret values in free text that did not come from our own messages — a framework's
 * exception chain, say — before it is printed. The secrets are what the environment variables
 * and {@code --key=value} arguments with secret-sounding names hold.
 */
public final class SecretMasker {

    static final String MASK = "****";
    /** Shorter values would mask ordinary words ("on", "true"); no real secret is that short. */
    private static final int MIN_SECRET_LENGTH = 4;

    private final List<String> secrets;

    private SecretMasker(List<String> secrets) {
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Knows the secrets of this process: its environment and its command-line arguments. */
    public static SecretMasker of(Map<String, String> environment, String[] args) {
        List<String> secrets = new ArrayList<>();
        environment.forEach((name, value) -> {
            if (PropertyKeys.isSecret(name.replace('_', '-'))) {
                add(secrets, value);
            }
        });
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2 && PropertyKeys.isSecret(arg.substring(2, eq))) {
                add(secrets, arg.substring(eq + 1));
            }
        }
        return new SecretMasker(secrets);
    }

    public String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    private static void add(List<String> secrets, String value) {
        if (value != null && value.length() >= MIN_SECRET_LENGTH) {
            secrets.add(value);
        }
    }
}
