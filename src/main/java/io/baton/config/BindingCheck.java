package io.baton.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Binds every record of the {@link KeyCatalog} the way Spring will, but collects each failed
 * conversion as a problem (falling back to the default so the rest still binds), then runs the
 * records' jakarta constraints. What it returns is what the service will see.
 */
final class BindingCheck {

    private static final class Holder {
        // Message interpolation without EL: messages carry no expressions, and EL is slow to start.
        static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    }

    private BindingCheck() {
    }

    static Map<Class<?>, Object> bind(ConfigurableEnvironment environment, KeyCatalog catalog, Problems problems) {
        Binder binder = Binder.get(environment);
        Validator validator = Holder.FACTORY.getValidator();
        Map<Class<?>, Object> bound = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> root : catalog.roots().entrySet()) {
            if (!root.getValue().isRecord()) {
                continue;  // a JavaBean-style class is bound (and validated) by Spring alone
            }
            try {
                Object value = binder.bindOrCreate(root.getKey(), Bindable.of(root.getValue()), new Collecting(problems));
                bound.put(root.getValue(), value);
                for (ConstraintViolation<Object> violation : validator.validate(value)) {
                    String key = root.getKey() + key(violation.getPropertyPath());
                    boolean missing = violation.getInvalidValue() == null
                            || violation.getInvalidValue() instanceof CharSequence s && s.toString().isBlank();
                    if (!(missing && problems.isEchoOfUnknownKey(key))) {
                        problems.add(key, describe(environment, key, violation));
                    }
                }
            } catch (RuntimeException e) {
                problems.add(root.getKey(), "cannot be read: " + rootMessage(e));
            }
        }
        return bound;
    }

    /** A violation's property path as a config key suffix: {@code fields[3].valueMap} → {@code .fields[3].value-map}. */
    static String key(Path path) {
        StringBuilder key = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                key.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                key.append('.').append(node.getKey());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                key.append('.').append(PropertyKeys.kebab(node.getName()));
            }
        }
        return key.toString();
    }

    private static String describe(ConfigurableEnvironment environment, String key, ConstraintViolation<Object> violation) {
        Object value = violation.getInvalidValue();
        boolean showValue = value instanceof CharSequence s && !s.toString().isBlank()
                && !violation.getMessage().startsWith("bad ");
        return violation.getMessage() + (showValue
                ? " (got " + PropertyKeys.show(key, KnownKeysCheck.rawValue(environment, key), value) + ")" : "");
    }

    /** Records a failed conversion and lets binding go on with the default. */
    private static final class Collecting extends AbstractBindHandler {

        private final Problems problems;

        Collecting(Problems problems) {
            this.problems = problems;
        }

        @Override
        public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error) {
            ConfigurationProperty property = context.getConfigurationProperty();
            Object value = property == null ? null : property.getValue();
            problems.add(name.toString(), conversionProblem(name.toString(), target.getType().resolve(Object.class), value, error));
            return null;
        }
    }

    static String conversionProblem(String key, Class<?> type, Object value, Throwable error) {
        String shown = PropertyKeys.show(key, value);
        if (type == Duration.class) {
            return "bad duration " + shown + " (write e.g. 500ms, 30s, 5m, 2h, 1d, or ISO-8601 like PT30S)";
        }
        if (type.isEnum()) {
            return KeyCatalog.strictEnumProblem(key, type, String.valueOf(value)).orElse("bad value " + shown);
        }
        if (type == ZoneId.class) {
            return "unknown time zone " + shown + " (write a region id, e.g. Europe/Berlin or UTC)";
        }
        if (type == LocalTime.class && value instanceof Number n && n.longValue() >= 0) {
            // YAML 1.1 reads an unquoted 20:00 as the base-60 number 1200.
            String time = String.format("%02d:%02d", n.longValue() / 60, n.longValue() % 60);
            return "time " + time + " must be quoted: unquoted, YAML reads it as the number " + n
                    + " (write \"" + time + "\")";
        }
        if (type == LocalTime.class) {
            return "bad time " + shown + " (write HH:mm in quotes, e.g. \"09:00\")";
        }
        if (type == LocalDate.class) {
            return "bad date " + shown + " (write yyyy-MM-dd, e.g. 2025-12-25)";
        }
        if (type == URI.class) {
            return "bad URL " + shown;
        }
        if (type == DayOfWeek.class) {
            return "unknown day " + shown + " (monday … sunday)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "expected true or false, got " + shown;
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "expected a number, got " + shown;
        }
        if (value == null) {
            return "cannot be read: " + rootMessage(error);
        }
        return "cannot read " + shown + " as " + type.getSimpleName();
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
