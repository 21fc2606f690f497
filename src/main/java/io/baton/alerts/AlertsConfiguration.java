package io.baton.alerts;

import io.baton.config.AlertsProperties;
import io.baton.config.BatonMailProperties;
import io.baton.config.LeakageProperties;
import io.baton.store.AlertRepository;
import io.baton.store.DigestRunRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the {@code alerts} bean; the templates are read and test-rendered here, so a broken one stops start-up. */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    @Bean
    Alerts alerts(ObjectProvider<OpenFlags> openFlags, LeakageProperties leakage, AlertsProperties settings,
                  BatonMailProperties mail, ObjectProvider<MailProperties> smtp, JavaMailSender sender,
                  AlertRepository store, DigestRunRepository digestRuns, TransactionTemplate transaction, Clock clock) {
        List<String> secrets = new ArrayList<>();
        smtp.ifAvailable(p -> secrets.add(p.getPassword()));
        OpenFlags flags = openFlags.getIfAvailable(() -> {
            // Until the flag store provides the port, there is nothing to mail about.
            LoggerFactory.getLogger(Alerts.class).info("no open-flag source wired: alerts will find no flags");
            return List::of;
        });
        return create(flags, leakage, settings, mail.from(), secrets, sender, store, digestRuns, transaction, clock);
    }

    /** The bean's parts; {@code secrets} are masked in stored errors. */
    static Alerts create(OpenFlags flags, LeakageProperties leakage, AlertsProperties settings, String from,
                         List<String> secrets, JavaMailSender sender, AlertRepository store,
                         DigestRunRepository digestRuns, TransactionTemplate transaction, Clock clock) {
        AlertComposer composer = new AlertComposer(AlertTemplates.load(Path.of(settings.templates())),
                new CrmLinks(leakage.links()), leakage.calendar().timeZone(), leakage.escalation().multiple(), clock);
        trialRender(composer, clock);
        QuietHours quiet = new QuietHours(leakage.quietHours(), leakage.calendar());
        AlertOutbox outbox = new AlertOutbox(store, new AlertMailer(sender, from, secrets), transaction, clock,
                settings.retry(), settings.sendTimeout(), quiet, leakage.dryRun());
        return new Alerts(flags, new Recipients(leakage.managers(), leakage.rules()), composer, outbox, store,
                digestRuns, leakage, quiet, clock);
    }

    /** Renders both mails once with a flag that has every optional part, so a template error shows now, not at 08:00. */
    static void trialRender(AlertComposer composer, Clock clock) {
        Instant now = clock.instant();
        AlertedFlag sample = new AlertedFlag(0, "mql-not-accepted", "sample", Optional.of("1"), Optional.of("00Q000000000001"),
                Optional.of("Lead"), Optional.of("owner@example.com"), Optional.of("mql"), now.minusSeconds(7200),
                now.minusSeconds(3600), 2, Optional.of("sample cause"));
        AlertedFlag bare = new AlertedFlag(0, "stale-lead", "sample", Optional.of("2"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), now, now, 1, Optional.empty());
        composer.escalation("owner@example.com", 1, List.of(sample, bare));
        composer.escalation("manager@example.com", 2, List.of(sample));
        composer.digest("sample", "owner@example.com", List.of(sample, bare));
    }
}
