package io.baton.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.baton.store.Alert;
import io.baton.store.AlertKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shipped morning digest: 08:00 Berlin, Monday to Friday, to owners and managers. */
class DigestsTest {

    private static final Instant TUESDAY_EIGHT = Instant.parse("2026-03-03T07:00:00Z");

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

    private void moveTo(Instant instant) {
        fixture.clock.advance(Duration.between(fixture.clock.instant(), instant));
    }

    @Test
    void aDigestIsSentFromItsCronTimeAndOnlyOncePerTick() {
        fixture.stale("rep.one@example.com", 1);
        Alerts alerts = fixture.alerts();

        assertThat(alerts.sendDueDigests()).as("first run: starts counting").isZero();
        moveTo(TUESDAY_EIGHT.minusSeconds(1));
        assertThat(alerts.sendDueDigests()).isZero();
        moveTo(TUESDAY_EIGHT);
        assertThat(alerts.sendDueDigests()).isEqualTo(2);
        moveTo(TUESDAY_EIGHT.plusSeconds(60));
        assertThat(alerts.sendDueDigests()).isZero();
        assertThat(fixture.alerts().sendDueDigests()).as("after a restart").isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void afterAnOutageAMissedDigestIsSentOnceNotOncePerMissedTick() {
        fixture.stale("rep.one@example.com", 1);
        fixture.alerts().sendDueDigests();

        moveTo(Instant.parse("2026-03-05T10:30:00Z"));
        Alerts restarted = fixture.alerts();
        assertThat(restarted.sendDueDigests()).isEqualTo(2);
        assertThat(restarted.sendDueDigests()).isZero();

        assertThat(fixture.store.page(0, 50)).filteredOn(a -> a.kind() == AlertKind.DIGEST).hasSize(2);
        assertThat(fixture.digestRuns.lastTick("morning")).contains(Instant.parse("2026-03-05T07:00:00Z"));
    }

    @Test
    void eachOwnerGetsTheirFlagsAndEachManagerTheirOwnersFlags() {
        AlertedFlag one = fixture.stale("rep.one@example.com", 1);
        AlertedFlag two = fixture.stale("rep.two@example.com", 2);
        AlertedFlag other = fixture.stale("other@example.com", 1);
        AlertedFlag ownerless = fixture.stale(Optional.empty(), 1);
        Alerts alerts = fixture.alerts();
        alerts.sendDueDigests();
        moveTo(TUESDAY_EIGHT);

        assertThat(alerts.sendDueDigests()).isEqualTo(5);

        Map<String, java.util.List<Long>> flagsByRecipient = fixture.store.page(0, 50).stream()
                .collect(Collectors.toMap(a -> String.join(",", a.recipients()), Alert::flagIds));
        assertThat(flagsByRecipient).containsOnly(
                Map.entry("rep.one@example.com", java.util.List.of(one.flagId())),
                Map.entry("rep.two@example.com", java.util.List.of(two.flagId())),
                Map.entry("other@example.com", java.util.List.of(other.flagId())),
                Map.entry("emea-lead@example.com", java.util.List.of(one.flagId(), two.flagId())),
                Map.entry("sales-manager@example.com", java.util.List.of(other.flagId(), ownerless.flagId())));
        assertThat(fixture.store.page(0, 50)).allSatisfy(a -> assertThat(a.digest()).contains("morning"));
    }

    @Test
    void aDigestWithNoOpenFlagsSendsNothingButCountsTheTick() {
        Alerts alerts = fixture.alerts();
        alerts.sendDueDigests();
        moveTo(TUESDAY_EIGHT);

        assertThat(alerts.sendDueDigests()).isZero();
        assertThat(fixture.digestRuns.lastTick("morning")).contains(TUESDAY_EIGHT);
    }
}
