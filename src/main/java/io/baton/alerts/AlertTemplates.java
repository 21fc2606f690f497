package io.baton.alerts;

import io.baton.config.ConfigProblem;
import io.baton.config.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The mail templates, Thymeleaf, read once at start-up: {@code <name>.txt} (TEXT mode) and
 * {@code <name>.html} (HTML mode) for the escalation and the digest, from the configured directory
 * ({@code baton.alerts.templates}) or, file by file, from the copy inside the jar. A template that
 * is missing or does not render is a configuration problem naming its file.
 */
final class AlertTemplates {

    static final String ESCALATION = "escalation";
    static final String DIGEST = "digest";
    static final String CLASSPATH = "templates/alerts/";
    private static final List<String> NAMES = List.of(ESCALATION, DIGEST);
    private static final String KEY = "baton.alerts.templates";
    private static final Logger log = LoggerFactory.getLogger(AlertTemplates.class);

    /** A rendered mail body in both forms. */
    record Rendered(String text, String html) {
    }

    private record Source(String file, String content) {
    }

    private final TemplateEngine engine;
    private final Map<String, Source> sources;

    private AlertTemplates(TemplateEngine engine, Map<String, Source> sources) {
        this.engine = engine;
        this.sources = Map.copyOf(sources);
    }

    /** Reads every template from {@code directory}, falling back to the jar's copy file by file. */
    static AlertTemplates load(Path directory) {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setCacheable(true);  // keyed by the template text, which never changes after start-up
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        Map<String, Source> sources = new LinkedHashMap<>();
        List<ConfigProblem> missing = new java.util.ArrayList<>();
        for (String name : NAMES) {
            for (String file : List.of(name + ".txt", name + ".html")) {
                Optional<Source> source = read(directory, file);
                source.ifPresentOrElse(s -> sources.put(file, s), () -> missing.add(problem(
                        directory.resolve(file).toString(), "template missing: put " + file + " in " + directory
                                + " (the shipped examples are in config/templates/)", Optional.empty())));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidConfigurationException(missing);
        }
        return new AlertTemplates(engine, sources);
    }

    Rendered render(String name, Map<String, Object> variables) {
        return new Rendered(process(sources.get(name + ".txt"), TemplateMode.TEXT, variables),
                process(sources.get(name + ".html"), TemplateMode.HTML, variables));
    }

    private String process(Source source, TemplateMode mode, Map<String, Object> variables) {
        try {
            return engine.process(new TemplateSpec(source.content(), mode), new Context(null, variables));
        } catch (TemplateProcessingException e) {
            Optional<Integer> line = e.getLine() == null ? Optional.empty() : Optional.of(e.getLine());
            throw new InvalidConfigurationException(List.of(problem(source.file(),
                    "template does not render: " + e.getMessage().replace(source.content(), "(template)"), line)));
        }
    }

    private static Optional<Source> read(Path directory, String file) {
        Path path = directory.resolve(file);
        try {
            if (Files.isRegularFile(path)) {
                return Optional.of(new Source(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
            }
            try (InputStream in = AlertTemplates.class.getClassLoader().getResourceAsStream(CLASSPATH + file)) {
                if (in == null) {
                    return Optional.empty();
                }
                log.info("alert template {} not in {}: using the copy inside the jar", file, directory);
                return Optional.of(new Source("classpath:" + CLASSPATH + file,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alert template " + path, e);
        }
    }

    private static ConfigProblem problem(String file, String message, Optional<Integer> line) {
        return new ConfigProblem(file, KEY, message, line);
    }
}
