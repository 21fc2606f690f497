package io.baton.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.config.LeakageProperties;
import io.baton.config.LeakageProperties.Recipient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecipientsTest {

    private final AlertsFixture fixture = new AlertsFixture();
    private final LeakageProperties leakage = fixture.leakage();
    private final Recipients recipients = new Recipients(leakage.managers(), leakage.rules());

    @Test
    void theOwnersManagerIsTheirTeamsManagerMatchedIgnoringCaseElseTheFallback() {
        assertThat(recipients.managerOf(Optional.of(" Rep.One@Example.com"))).isEqualTo("emea-lead@example.com");
        assertThat(recipients.managerOf(Optional.of("someone@example.com"))).isEqualTo("sales-manager@example.com");
        assertThat(recipients.managerOf(Optional.empty())).isEqualTo("sales-manager@example.com");
    }

    @Test
    void anOpeningGoesToTheRulesRecipientsAndAddresses() {
        AlertedFlag mql = fixture.open("mql-not-accepted", "mql-not-accepted", Optional.of("rep.two@example.com"),
                Duration.ofHours(5), Duration.ofHours(4), 1);
        AlertedFlag missing = fixture.open("mql-missing-in-salesforce", "mql-not-in-salesforce",
                Optional.of("rep.two@example.com"), Duration.ofHours(1), Duration.ofMinutes(30), 1);

        // The shipped mql-not-accepted rule tells the owner; the manager hears at the escalation.
        assertThat(recipients.forOpening(mql)).containsExactly("rep.two@example.com");
        assertThat(recipients.forOpening(missing)).containsExactly("revops@example.com");
    }

    @Test
    void anEscalationGoesToTheOwnersManagerAndTheEscalationAddresses() {
        AlertedFlag flag = fixture.stale("rep.one@example.com", 2);

        assertThat(recipients.forEscalation(flag, leakage.escalation()))
                .containsExactly("emea-lead@example.com", "revops@example.com");
    }

    @Test
    void aFlagNobodyWouldHearAboutGoesToTheFallbackManager() {
        AlertedFlag ownerless = fixture.stale(Optional.empty(), 1);

        assertThat(recipients.forOpening(ownerless)).containsExactly("sales-manager@example.com");
        assertThat(recipients.resolve(ownerless, List.of(), List.of())).containsExactly("sales-manager@example.com");
    }

    @Test
    void aFlagOfARuleNoLongerConfiguredGoesToItsOwner() {
        AlertedFlag flag = fixture.open("retired-rule", "stale-lead", Optional.of("rep.one@example.com"),
                Duration.ofDays(2), Duration.ofDays(1), 1);

        assertThat(recipients.forOpening(flag)).containsExactly("rep.one@example.com");
    }

    @Test
    void aDigestGoesToEachOwnerTheirFlagsEachManagerTheirOwnersAndAnAddressAll() {
        AlertedFlag one = fixture.stale("rep.one@example.com", 1);
        AlertedFlag two = fixture.stale("rep.two@example.com", 2);
        AlertedFlag other = fixture.stale("other@example.com", 1);
        AlertedFlag ownerless = fixture.stale(Optional.empty(), 1);
        LeakageProperties.Digest digest = new LeakageProperties.Digest("morning", "0 0 8 * * *",
                List.of(Recipient.OWNER, Recipient.MANAGER), List.of("Team@X.io"));

        Map<String, List<AlertedFlag>> groups = recipients.forDigest(digest, List.of(one, two, other, ownerless));

        assertThat(groups).containsOnlyKeys("rep.one@example.com", "rep.two@example.com", "other@example.com",
                "emea-lead@example.com", "sales-manager@example.com", "team@x.io");
        assertThat(groups.get("rep.one@example.com")).containsExactly(one);
        assertThat(groups.get("emea-lead@example.com")).containsExactly(one, two);
        assertThat(groups.get("sales-manager@example.com")).containsExactly(other, ownerless);
        assertThat(groups.get("team@x.io")).containsExactly(one, two, other, ownerless);
    }

    @Test
    void aPersonNamedSeveralWaysIsOneRecipientComparedTrimmedAndIgnoringCase() {
        AlertedFlag flag = fixture.stale(" Sales-Manager@Example.com", 1);

        assertThat(recipients.resolve(flag, List.of(Recipient.OWNER, Recipient.MANAGER, Recipient.OWNER),
                List.of("sales-manager@example.com", " SALES-MANAGER@EXAMPLE.COM ", "Team@X.io", "team@x.io")))
                .containsExactly("sales-manager@example.com", "team@x.io");
    }

    @Test
    void aDigestRecipientWhoIsOwnerManagerAndListedAddressGetsEachFlagOnce() {
        AlertedFlag own = fixture.stale("sales-manager@example.com", 1);
        AlertedFlag ownerless = fixture.stale(Optional.empty(), 2);
        LeakageProperties.Digest digest = new LeakageProperties.Digest("morning", "0 0 8 * * *",
                List.of(Recipient.OWNER, Recipient.MANAGER), List.of(" Sales-Manager@Example.com "));

        Map<String, List<AlertedFlag>> groups = recipients.forDigest(digest, List.of(own, ownerless));

        assertThat(groups).containsOnlyKeys("sales-manager@example.com");
        assertThat(groups.get("sales-manager@example.com")).containsExactly(own, ownerless);
    }
}
