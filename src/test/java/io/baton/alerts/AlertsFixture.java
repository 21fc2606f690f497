package io.baton.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.baton.config.AlertsProperties;
import io.baton.config.LeakageProperties;
import io.baton.core.record.RecordRef;
import io.baton.sandbox.http.SandboxClock;
import io.baton.store.AlertRepository;
import io.baton.store.DigestRunRepository;
import io.baton.store.LeakFlagRepository;
import io.baton.store.NewLeakFlag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alerts bean on a fresh in-memory store, the shipped config/leakage.yml (with overrides), the
 * shipped templates, a movable clock, a list of open flags standing in for the flag store, and a
 * mail sender pointed at {@link #smtpPort}.
 */
final class AlertsFixture {

    /** Monday 2 March 2026, 09:00 in Berlin (the shipped calendar's zone). */
    static final Instant MONDAY_NINE = Instant.parse("2026-03-02T08:00:00Z");
    static final String SMTP_PASSWORD = "smtp-s3cret-pw";

    final SandboxClock clock = new SandboxClock(Clock.fixed(MONDAY_NINE, ZoneOffset.UTC));
    final List<AlertedFlag> open = new CopyOnWriteArrayList<>();
    final JdbcClient jdbc;
    final AlertRepository store;
    final DigestRunRepository digestRuns;
    final TransactionTemplate transaction;
    final int smtpPort = freePort();
    final Map<String, Object> overrides = new HashMap<>();
    private final LeakFlagRepository leakFlags;
    private int records;

    AlertsFixture() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:alerts_" + UUID.randomUUID().toString()
                .replace("-", "") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        jdbc = JdbcClient.create(ds);
        store = new AlertRepository(jdbc, clock);
        digestRuns = new DigestRunRepository(jdbc, clock);
        leakFlags = new LeakFlagRepository(jdbc, clock);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    /** A fresh bean over the same store, as after a restart. */
    Alerts alerts() {
        return alerts(sender());
    }

    Alerts alerts(JavaMailSender sender) {
        Binder binder = binder();
        LeakageProperties leakage = binder.bindOrCreate("baton.leakage", LeakageProperties.class);
        AlertsProperties settings = binder.bindOrCreate("baton.alerts", AlertsProperties.class);
        return AlertsConfiguration.create(() -> List.copyOf(open), leakage, settings, "baton@test.local",
                List.of(SMTP_PASSWORD), sender, store, digestRuns, transaction, clock);
    }

    LeakageProperties leakage() {
        return binder().bindOrCreate("baton.leakage", LeakageProperties.class);
    }

    JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpPort);
        Properties props = new Properties();
        props.put("mail.smtp.connectiontimeout", "2000");
        props.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(props);
        return sender;
    }

    /** Opens a flag in the store and lists it as open: a Lead owned by {@code owner}, opened {@code age} ago. */
    AlertedFlag open(String rule, String kind, Optional<String> owner, Duration age, Duration sla, int level) {
        String lead = "00Q" + (++records);
        long id = leakFlags.openIfAbsent(new NewLeakFlag(kind, rule, RecordRef.salesforce("Lead", lead),
                Optional.empty(), Optional.empty(), Optional.empty())).flag().id();
        Instant opened = clock.instant().minus(age);
        AlertedFlag flag = new AlertedFlag(id, kind, rule, Optional.of("90" + records), Optional.of(lead),
                Optional.of("Lead"), owner, Optional.of("mql"), opened, opened.plus(sla), level,
                Optional.of("blocked by a sync error: REQUIRED_FIELD_MISSING Company"));
        open.add(flag);
        return flag;
    }

    /** A stale sales-qualified lead (rule stale-sql: level 1 to the owner only). */
    AlertedFlag stale(Optional<String> owner, int level) {
        return open("stale-sql", "stale-lead", owner, Duration.ofDays(level == 1 ? 11 : 21), Duration.ofDays(10), level);
    }

    AlertedFlag stale(String owner, int level) {
        return stale(Optional.of(owner), level);
    }

    /** Moves a listed flag to level 2, as the scan does when it crosses the escalation multiple. */
    void escalate(AlertedFlag flag) {
        open.replaceAll(f -> f.flagId() != flag.flagId() ? f : new AlertedFlag(f.flagId(), f.kind(), f.rule(),
                f.hubspotId(), f.salesforceId(), f.salesforceType(), f.ownerEmail(), f.stage(), f.openedAt(), f.dueAt(),
                2, f.cause()));
    }

    private Binder binder() {
        try {
            List<PropertySource<?>> sources = new ArrayList<>();
            sources.add(new MapPropertySource("test", overrides));
            sources.addAll(new YamlPropertySourceLoader().load("leakage", new FileSystemResource("config/leakage.yml")));
            return new Binder(ConfigurationPropertySources.from(sources));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An SMTP server (GreenMail) on {@link #smtpPort}, started; the caller stops it. */
    GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
