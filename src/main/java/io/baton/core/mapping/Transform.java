package io.baton.core.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step applied to a value before it is compared and written: {@code trim}, {@code lower-case},
 * {@code upper-case} or {@code truncate:N} (keep the first N characters; cutting a value off is
 * reported as a warning, since the target would otherwise reject it or silently lose the rest).
 */
public record Transform(Kind kind, int length) {

    /** The available steps. */
    public enum Kind { TRIM, LOWER_CASE, UPPER_CASE, TRUNCATE }

    private static final Pattern TRUNCATE = Pattern.compile("truncate:(\\d{1,9})");

    /** Enough passes for any chain to settle: case changes settle in one, trims and cuts only shrink. */
    private static final int MAX_PASSES = 8;

    public Transform {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.TRUNCATE ? length < 1 : length != 0) {
            throw new IllegalArgumentException("truncate needs a length of at least 1; other transforms none");
        }
    }

    public static final Transform TRIM_VALUE = new Transform(Kind.TRIM, 0);
    public static final Transform LOWER = new Transform(Kind.LOWER_CASE, 0);
    public static final Transform UPPER = new Transform(Kind.UPPER_CASE, 0);

    public static Transform truncate(int length) {
        return new Transform(Kind.TRUNCATE, length);
    }

    /**
     * The transform written as {@code name} in config/mappings.yml.
     *
     * @throws IllegalArgumentException for an unknown name: a configuration error, caught at startup
     */
    public static Transform parse(String name) {
        String t = Objects.requireNonNull(name, "name").trim().toLowerCase(Locale.ROOT);
        Matcher truncate = TRUNCATE.matcher(t);
        if (truncate.matches()) {
            return truncate(Integer.parseInt(truncate.group(1)));
        }
        return switch (t) {
            case "trim" -> TRIM_VALUE;
            case "lower-case" -> LOWER;
            case "upper-case" -> UPPER;
            default -> throw new IllegalArgumentException("unknown transform '" + name
                    + "' (known: trim, lower-case, upper-case, truncate:N)");
        };
    }

    /** This step applied to {@code value}. */
    public String apply(String value) {
        return switch (kind) {
            case TRIM -> value.strip();
            case LOWER_CASE -> value.toLowerCase(Locale.ROOT);
            case UPPER_CASE -> value.toUpperCase(Locale.ROOT);
            case TRUNCATE -> value.codePointCount(0, value.length()) <= length
                    ? value : value.substring(0, value.offsetByCodePoints(0, length));
        };
    }

    /**
     * {@code steps} applied in order to {@code value} until the result no longer changes (so that
     * e.g. {@code [trim, truncate:4]} of {@code "abc def"} is {@code "abc"}, not {@code "abc "}: the
     * stored value must come out of the chain unchanged, or the next run would see a change that
     * never happened). A truncation is reported as a warning on {@code field}.
     */
    public static Translated applyAll(List<Transform> steps, String field, String value) {
        String current = value;
        boolean truncated = false;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            String before = current;
            for (Transform step : steps) {
                String next = step.apply(current);
                truncated |= step.kind == Kind.TRUNCATE && !next.equals(current);
                current = next;
            }
            if (current.equals(before)) {
                break;
            }
        }
        List<RecordIssue> issues = new ArrayList<>();
        if (truncated) {
            int max = steps.stream().filter(s -> s.kind == Kind.TRUNCATE).mapToInt(Transform::length).min().orElse(0);
            issues.add(RecordIssue.warning(field, "value of " + value.length() + " characters truncated to " + max));
        }
        return current.isBlank() ? Translated.blank().withIssues(issues)
                : new Translated(java.util.Optional.of(current), false, issues);
    }

    @Override
    public String toString() {
        return kind == Kind.TRUNCATE ? "truncate:" + length : kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
