package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.alerts.Alerts;
import io.baton.config.LeakageAssembler;
import io.baton.config.LeakageProperties;
import io.baton.core.record.RecordRef;
import io.baton.sandbox.http.SandboxClock;
import io.baton.sandbox.mail.SmtpSink;
import io.baton.store.LeakFlag;
import io.baton.store.LeakFlagRepository;
import io.baton.store.LeakFlagStatus;
import io.baton.store.LifecycleRepository;
import io.baton.store.LifecycleState;
import io.baton.store.RecordLink;
import io.baton.sync.LeakScan;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The handoff end to end, nothing seeded behind Baton's back: an MQL the sync hands to Salesforce
 * (its lifecycle state and owner written by the sync), left untouched past the shipped 4-business-hour
 * SLA, opens one flag and mails its owner once, its manager at twice the SLA; the rep starting work on the Lead closes it.
 */
class HandoffAlertEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("handoff");
    private static final SandboxClock CLOCK = SandboxClock.system();

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
        registry.add("baton.leakage.write-back.enabled", () -> "true");
    }

    /** The service's clock, moved by the test instead of waiting for the SLA. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @Autowired
    LeakScan scan;

    @Autowired
    Alerts alerts;

    @Autowired
    LeakFlagRepository flags;

    @Autowired
    LifecycleRepository lifecycle;

    @Autowired
    LeakageProperties leakage;

    private List<SmtpSink.ReceivedMail> mailAbout(RecordLink link) {
        return sandbox.smtp().messages().stream().filter(m -> m.body().contains(link.salesforceId().orElseThrow())).toList();
    }

    @Test
    void anMqlUntouchedPastItsSlaMailsItsOwnerOnceItsManagerAtTwiceTheSlaAndTheRepsAcceptanceClosesIt() {
        java.time.Instant yesterday = sandbox.clock().instant().minus(Duration.ofDays(1));
        String waiting = sandbox.hubspot().store().seedContact(Map.of("email", "old@handoff.example", "lastname", "Old",
                "company", "Initech", "lifecyclestage", SandboxPeople.MQL), yesterday, yesterday);
        assertThat(scan.scan()).as("no leak scan before the sync has caught up once: %s waited a day", waiting)
                .isEqualTo(new LeakScan.Summary(0, 0, 0, 0));
        String contact = people.hubspotMql("ida@handoff.example", Map.of());
        sync.syncUntilQuiet(5);
        RecordLink link = links.findByHubSpotId(contact).orElseThrow();
        LifecycleState state = lifecycle.find(link.id()).orElseThrow();
        assertThat(state.stage()).isEqualTo("mql");
        String owner = state.ownerEmail().orElseThrow(() -> new AssertionError("the sync records the owner: " + state));

        var due = LeakageAssembler.calendar(leakage).addBusinessTime(state.stageEnteredAt(), Duration.ofHours(4));
        CLOCK.advance(Duration.between(CLOCK.instant(), due).plusMinutes(1));
        sandbox.smtp().clear();
        LeakScan.Summary opened = scan.scan();
        int mailed = alerts.sendEscalations();
        int mailedAgain = alerts.sendEscalations();

        LeakFlag flag = flags.findOpen(RecordRef.hubspotContact(contact), "mql-not-accepted").orElseThrow();
        assertThat(opened.opened()).as("ida's, and the day-old MQL's, now synced: %s", flags.listOpen()).isEqualTo(2);
        assertThat(flag.level()).isEqualTo(1);
        assertThat(flag.ownerEmail()).contains(owner);
        assertThat(people.hubspotContact(contact).orElseThrow().property("baton_leak_status"))
                .as("written back").isEqualTo("mql-not-accepted (level 1)");
        assertThat(people.salesforce(link.salesforceId().orElseThrow()).get("Baton_Leak_Status__c"))
                .isEqualTo("mql-not-accepted (level 1)");
        // The shipped rule tells the owner, once; the manager hears of it at twice the SLA.
        assertThat(mailed).isPositive();
        assertThat(mailedAgain).isZero();
        assertThat(mailAbout(link)).flatExtracting(SmtpSink.ReceivedMail::to).containsExactly(owner);

        var twice = LeakageAssembler.calendar(leakage).addBusinessTime(state.stageEnteredAt(), Duration.ofHours(8));
        CLOCK.advance(Duration.between(CLOCK.instant(), twice).plusMinutes(1));
        sandbox.smtp().clear();
        assertThat(scan.scan().raised()).isPositive();
        alerts.sendEscalations();
        assertThat(flags.find(flag.id()).orElseThrow().level()).isEqualTo(2);
        assertThat(mailAbout(link)).flatExtracting(SmtpSink.ReceivedMail::to)
                .contains(leakage.managers().fallback()).doesNotContain(owner);

        people.editInSalesforce(link.salesforceId().orElseThrow(), Map.of("Status", "Working - Contacted"));
        sync.syncUntilQuiet(5);
        CLOCK.advance(Duration.ofMinutes(15));
        scan.scan();

        assertThat(lifecycle.find(link.id()).orElseThrow().stage()).isEqualTo("sal");
        assertThat(flags.find(flag.id()).orElseThrow().status()).isEqualTo(LeakFlagStatus.CLOSED);
        assertThat(people.hubspotContact(contact).orElseThrow().property("baton_leak_status")).as("cleared").isNullOrEmpty();
        assertThat(people.salesforce(link.salesforceId().orElseThrow()).get("Baton_Leak_Status__c")).isNull();
    }
}
