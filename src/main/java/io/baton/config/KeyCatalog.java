package io.baton.config;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every {@code baton.*} key that means something: the trees of Baton's {@code @ConfigurationProperties}
 * records, walked by reflection. Found by scanning {@code io.baton}, so a record added by any
 * package is known without being listed here.
 */
final class KeyCatalog {

    /** What a key names: a value of {@code type} (for lists of scalars, {@code listed} is true), or nothing known. */
    sealed interface Lookup permits Known, Unknown {
    }

    record Known(Class<?> type, boolean listed) implements Lookup {
    }

    /** {@code key} is the key up to and including the first segment that is not known. */
    record Unknown(String key, String hint) implements Lookup {
    }

    private final Map<String, Class<?>> roots;

    KeyCatalog(Map<String, Class<?>> roots) {
        this.roots = Map.copyOf(roots);
    }

    Map<String, Class<?>> roots() {
        return roots;
    }

    /** The records of every {@code @ConfigurationProperties("baton.…")} type under {@code io.baton}. */
    static KeyCatalog scan(ClassLoader loader) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Map<String, Class<?>> roots = new LinkedHashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.baton")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), loader);
            String prefix = MergedAnnotations.from(type).get(ConfigurationProperties.class).getString("prefix");
            if (prefix.isEmpty()) {
                prefix = MergedAnnotations.from(type).get(ConfigurationProperties.class).getString("value");
            }
            if (prefix.startsWith("baton.")) {
                roots.put(prefix, type);
            }
        }
        return new KeyCatalog(roots);
    }

    Lookup lookup(String key) {
        List<String> segments = PropertyKeys.segments(key);
        for (Map.Entry<String, Class<?>> root : roots.entrySet()) {
            List<String> rootSegments = PropertyKeys.segments(root.getKey());
            if (segments.size() >= rootSegments.size() && relaxedEquals(segments.subList(0, rootSegments.size()), rootSegments)) {
                return walk(root.getValue(), segments, rootSegments.size(), false);
            }
        }
        // No root matches: name the unknown second segment and suggest a known one.
        List<String> second = roots.keySet().stream().map(r -> PropertyKeys.segments(r).get(1)).distinct().toList();
        String bad = segments.size() > 1 ? segments.get(1) : key;
        return new Unknown(PropertyKeys.join(segments.subList(0, Math.min(2, segments.size()))), DidYouMean.hint(bad, second));
    }

    private Lookup walk(Type type, List<String> segments, int index, boolean listed) {
        Class<?> raw = raw(type);
        if (index == segments.size()) {
            return new Known(raw, listed);
        }
        if (isScalar(raw) && !raw.isEnum() && raw.getName().startsWith("io.baton.")) {
            // A JavaBean-style properties class: its keys are not walked, so none is called unknown.
            return new Known(Object.class, false);
        }
        String segment = segments.get(index);
        boolean bracketed = segment.startsWith("[");
        if (Map.class.isAssignableFrom(raw)) {
            Type value = argument(type, 1);
            return isScalar(raw(value)) ? new Known(raw(value), false) : walk(value, segments, index + 1, false);
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            Type element = raw.isArray() ? componentType(type) : argument(type, 0);
            if (bracketed) {
                return walk(element, segments, index + 1, false);
            }
            return new Unknown(PropertyKeys.join(segments.subList(0, index + 1)), " (a list: use '- item' entries)");
        }
        if (raw.isRecord() && !bracketed) {
            RecordComponent[] components = raw.getRecordComponents();
            for (RecordComponent component : components) {
                if (PropertyKeys.relaxed(component.getName()).equals(PropertyKeys.relaxed(segment))) {
                    Class<?> next = component.getType();
                    boolean scalarList = (Collection.class.isAssignableFrom(next) || next.isArray())
                            && isScalar(raw(next.isArray() ? next.getComponentType() : argument(component.getGenericType(), 0)));
                    return walk(component.getGenericType(), segments, index + 1, scalarList);
                }
            }
            List<String> names = Arrays.stream(components).map(c -> PropertyKeys.kebab(c.getName())).toList();
            return new Unknown(PropertyKeys.join(segments.subList(0, index + 1)), DidYouMean.hint(segment, names));
        }
        return new Unknown(PropertyKeys.join(segments.subList(0, index + 1)), "");
    }

    private static boolean relaxedEquals(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!PropertyKeys.relaxed(a.get(i)).equals(PropertyKeys.relaxed(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    static boolean isScalar(Class<?> type) {
        return !type.isRecord() && !Map.class.isAssignableFrom(type) && !Collection.class.isAssignableFrom(type)
                && !type.isArray();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    private static Type argument(Type type, int i) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
            Type arg = p.getActualTypeArguments()[i];
            return arg instanceof java.lang.reflect.AnnotatedType a ? a.getType() : arg;
        }
        return Object.class;
    }

    private static Type componentType(Type type) {
        return type instanceof GenericArrayType g ? g.getGenericComponentType() : raw(type).getComponentType();
    }

    /** The key names an enum accepts in Baton's files: its constants in kebab case. */
    static List<String> enumNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> PropertyKeys.kebab(((Enum<?>) e).name())).toList();
    }

    static Optional<String> strictEnumProblem(String key, Class<?> type, String value) {
        List<String> names = enumNames(type);
        if (value.isBlank() || names.contains(value.trim().toLowerCase(java.util.Locale.ROOT))) {
            return Optional.empty();
        }
        List<String> segments = PropertyKeys.segments(key);
        String what = segments.stream().filter(s -> !s.startsWith("[")).reduce((a, b) -> b).orElse("value");
        what = what.endsWith("s") ? what.substring(0, what.length() - 1) : what;
        return Optional.of("unknown " + what + " '" + value.trim() + "'" + DidYouMean.hint(value.trim(), names)
                + (DidYouMean.closest(value.trim(), names).isEmpty() ? " (one of " + String.join(", ", names) + ")" : ""));
    }
}
