package io.baton.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.baton.store.Alert;
import io.baton.store.AlertKind;
import io.baton.store.AlertStatus;
import io.baton.store.CoveredFlag;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EscalationsTest {

    private final AlertsFixture fixture = new AlertsFixture();
    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = fixture.startSmtp();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aNewFlagMailsItsOwnerOnceEvenWhenCalledTwice() {
        fixture.stale("rep.one@example.com", 1);
        Alerts alerts = fixture.alerts();

        assertThat(alerts.sendEscalations()).isEqualTo(1);
        assertThat(alerts.sendEscalations()).isZero();

        assertThat(recipientsOfReceived()).containsExactly("rep.one@example.com");
    }

    @Test
    void aFlagCrossingTwiceItsSlaMailsTheManagerOnce() {
        AlertedFlag flag = fixture.stale("rep.one@example.com", 1);
        Alerts alerts = fixture.alerts();
        alerts.sendEscalations();

        fixture.escalate(flag);
        assertThat(alerts.sendEscalations()).isEqualTo(2);
        assertThat(alerts.sendEscalations()).isZero();

        assertThat(recipientsOfReceived()).containsExactlyInAnyOrder("rep.one@example.com", "emea-lead@example.com",
                "revops@example.com");
        assertThat(fixture.store.escalated(List.of(flag.flagId())))
                .containsExactlyInAnyOrder(new CoveredFlag(flag.flagId(), 1), new CoveredFlag(flag.flagId(), 2));
    }

    @Test
    void noEscalationIsSentAgainAfterARestart() {
        AlertedFlag flag = fixture.stale("rep.one@example.com", 1);
        fixture.alerts().sendEscalations();
        fixture.escalate(flag);
        fixture.alerts().sendEscalations();

        assertThat(fixture.alerts().sendEscalations()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void eachRecipientGetsOneMailCoveringAllTheirNewFlagsOfThatLevel() {
        AlertedFlag first = fixture.stale("rep.one@example.com", 1);
        AlertedFlag second = fixture.stale("rep.one@example.com", 1);
        AlertedFlag other = fixture.stale("rep.two@example.com", 1);

        assertThat(fixture.alerts().sendEscalations()).isEqualTo(2);

        List<Alert> stored = fixture.store.page(0, 10);
        assertThat(stored).allSatisfy(a -> assertThat(a.status()).isEqualTo(AlertStatus.SENT));
        assertThat(stored).filteredOn(a -> a.recipients().equals(List.of("rep.one@example.com")))
                .singleElement().satisfies(a -> {
                    assertThat(a.flagIds()).containsExactly(first.flagId(), second.flagId());
                    assertThat(a.subject()).isEqualTo("Baton: 2 leads are past the SLA");
                });
        assertThat(stored).filteredOn(a -> a.recipients().equals(List.of("rep.two@example.com")))
                .singleElement().satisfies(a -> assertThat(a.flagIds()).containsExactly(other.flagId()));
    }

    @Test
    void aFlagFirstSeenPastTwiceItsSlaMailsBothLevels() {
        AlertedFlag flag = fixture.stale("rep.two@example.com", 2);

        assertThat(fixture.alerts().sendEscalations()).isEqualTo(3);

        assertThat(fixture.store.escalated(List.of(flag.flagId()))).hasSize(2);
        assertThat(fixture.store.page(0, 10)).filteredOn(a -> a.recipients().contains("emea-lead@example.com"))
                .singleElement().satisfies(a -> assertThat(a.subject())
                        .isEqualTo("Baton escalation: 1 lead open past 2× the SLA"));
    }

    @Test
    void withEscalationDisabledOnlyTheOpeningIsMailed() {
        fixture.overrides.put("baton.leakage.escalation.enabled", "false");
        fixture.stale("rep.two@example.com", 2);

        assertThat(fixture.alerts().sendEscalations()).isEqualTo(1);
        assertThat(recipientsOfReceived()).containsExactly("rep.two@example.com");
    }

    @Test
    void aFlagWithoutAnOwnerIsMailedToTheFallbackManager() {
        fixture.stale(Optional.empty(), 1);

        fixture.alerts().sendEscalations();

        assertThat(recipientsOfReceived()).containsExactly("sales-manager@example.com");
    }

    @Test
    void anOwnerWhoIsAlsoAnEscalationRecipientHearsOfANewLevelTwoFlagOnceCoveringBothLevels() {
        fixture.overrides.put("baton.leakage.escalation.recipients", "owner,manager");
        AlertedFlag flag = fixture.stale("rep.two@example.com", 2);

        assertThat(fixture.alerts().sendEscalations()).isEqualTo(3);
        assertThat(fixture.alerts().sendEscalations()).isZero();

        assertThat(recipientsOfReceived()).containsExactlyInAnyOrder("rep.two@example.com", "emea-lead@example.com",
                "revops@example.com");
        assertThat(fixture.store.page(0, 10)).filteredOn(a -> a.recipients().equals(List.of("rep.two@example.com")))
                .singleElement().satisfies(a -> {
                    assertThat(a.subject()).isEqualTo("Baton escalation: 1 lead open past 2× the SLA");
                    assertThat(a.flags()).containsExactlyInAnyOrder(new CoveredFlag(flag.flagId(), 1),
                            new CoveredFlag(flag.flagId(), 2));
                });
    }

    @Test
    void anOwnerWhoIsTheirOwnManagerAndAlsoAListedAddressGetsOneMailPerLevelWithEachFlagOnce() {
        fixture.overrides.put("baton.leakage.escalation.addresses", " Sales-Manager@Example.COM ,revops@example.com");
        AlertedFlag first = fixture.open("mql-not-accepted", "mql-not-accepted", Optional.of("Sales-Manager@example.com "),
                java.time.Duration.ofHours(5), java.time.Duration.ofHours(4), 1);
        AlertedFlag second = fixture.open("mql-not-accepted", "mql-not-accepted", Optional.of("sales-manager@example.com"),
                java.time.Duration.ofHours(5), java.time.Duration.ofHours(4), 1);
        Alerts alerts = fixture.alerts();

        assertThat(alerts.sendEscalations()).as("owner and manager are one person").isEqualTo(1);
        fixture.escalate(first);
        assertThat(alerts.sendEscalations()).as("manager and address are one person, plus revops").isEqualTo(2);

        List<Alert> toTheManager = fixture.store.page(0, 10).stream()
                .filter(a -> a.recipients().equals(List.of("sales-manager@example.com"))).toList();
        assertThat(toTheManager).hasSize(2);
        assertThat(toTheManager).allSatisfy(a -> assertThat(a.flags()).doesNotHaveDuplicates());
        assertThat(toTheManager).extracting(Alert::flags).containsExactlyInAnyOrder(
                List.of(new CoveredFlag(first.flagId(), 1), new CoveredFlag(second.flagId(), 1)),
                List.of(new CoveredFlag(first.flagId(), 2)));
        assertThat(recipientsOfReceived()).containsExactlyInAnyOrder("sales-manager@example.com",
                "sales-manager@example.com", "revops@example.com");
    }

    @Test
    void anEscalationArrivesAsTextAndHtmlAlternativesWithItsSubjectAndRecipient() throws Exception {
        AlertedFlag flag = fixture.stale("rep.one@example.com", 1);

        fixture.alerts().sendEscalations();

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Baton: 1 lead is past the SLA");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("baton@test.local");
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString)).containsExactly("rep.one@example.com");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains(flag.salesforceId().orElseThrow(), "https://example.my.salesforce.com/lightning/r/Lead/"
                + flag.salesforceId().orElseThrow() + "/view", "open 11 d");
        assertThat(html).contains("<a href=\"https://app.hubspot.com/contacts/12345678/record/0-1/"
                + flag.hubspotId().orElseThrow() + "\">HubSpot</a>", "REQUIRED_FIELD_MISSING Company");
        assertThat(fixture.store.page(0, 1).get(0).kind()).isEqualTo(AlertKind.ESCALATION);
    }

    private List<String> recipientsOfReceived() {
        return Arrays.stream(smtp.getReceivedMessages()).flatMap(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).map(Object::toString);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
