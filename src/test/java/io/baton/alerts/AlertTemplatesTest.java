package io.baton.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.config.InvalidConfigurationException;
import io.baton.config.LeakageProperties;
import io.baton.store.NewAlert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertTemplatesTest {

    private final AlertsFixture fixture = new AlertsFixture();
    private final LeakageProperties leakage = fixture.leakage();

    @TempDir
    Path dir;

    private AlertComposer composer(Path templates) {
        return new AlertComposer(AlertTemplates.load(templates), new CrmLinks(leakage.links()),
                leakage.calendar().timeZone(), 2, fixture.clock);
    }

    private AlertedFlag flagOpened(Duration ago) {
        return fixture.open("mql-not-accepted", "mql-not-accepted", Optional.of("rep.one@example.com"), ago,
                Duration.ofHours(4), 1);
    }

    @Test
    void theEscalationLinksEachRecordToBothCrmsAndShowsItsAgeStageOwnerAndCause() {
        AlertedFlag flag = flagOpened(Duration.ofHours(76));
        String hubspot = "https://app.hubspot.com/contacts/12345678/record/0-1/" + flag.hubspotId().orElseThrow();
        String salesforce = "https://example.my.salesforce.com/lightning/r/Lead/" + flag.salesforceId().orElseThrow() + "/view";

        NewAlert mail = composer(Path.of("config/templates")).escalation("rep.one@example.com", 1, List.of(flag));

        assertThat(mail.text()).contains("Lead " + flag.salesforceId().orElseThrow(), "stage mql",
                "owner rep.one@example.com", "open 3 d 4 h", "due 2026-02-27 09:00 CET (3 d ago)",
                "cause: blocked by a sync error: REQUIRED_FIELD_MISSING Company", "HubSpot: " + hubspot,
                "Salesforce: " + salesforce).doesNotContain("Variables", "[(", "th:");
        assertThat(mail.html()).contains("<a href=\"" + hubspot + "\">HubSpot</a>",
                "<a href=\"" + salesforce + "\">Salesforce</a>", "<td>3 d 4 h</td>", "<td>mql</td>",
                "REQUIRED_FIELD_MISSING Company").doesNotContain("Variables", "th:");
    }

    @Test
    void theDigestCountsFlagsByKindThenListsEachWithItsAge() {
        AlertedFlag young = flagOpened(Duration.ofMinutes(260));
        AlertedFlag stale = fixture.stale("rep.one@example.com", 2);

        NewAlert mail = composer(Path.of("config/templates")).digest("morning", "rep.one@example.com",
                List.of(young, stale));

        assertThat(mail.subject()).isEqualTo("Baton morning digest: 2 open flags");
        assertThat(mail.text()).contains("2 open flags:", "mql-not-accepted: 1", "stale-lead: 1", "open 4 h 20 min",
                "open 21 d", "(escalated)", "Baton morning digest");
        assertThat(mail.text().indexOf(stale.salesforceId().orElseThrow()))
                .isLessThan(mail.text().indexOf(young.salesforceId().orElseThrow()));
        assertThat(mail.html()).contains("<span>stale-lead</span>: <span>1</span>", "<td>21 d</td>",
                "https://example.my.salesforce.com/lightning/r/Lead/" + young.salesforceId().orElseThrow() + "/view");
    }

    @Test
    void aTemplateMissingFromTheDirectoryComesFromTheJarsCopy() throws IOException {
        Files.writeString(dir.resolve("escalation.txt"), "Custom: [(${count})] flags");

        NewAlert mail = composer(dir).escalation("rep.one@example.com", 1, List.of(flagOpened(Duration.ofHours(5))));

        assertThat(mail.text()).isEqualTo("Custom: 1 flags");
        assertThat(mail.html()).contains("gone past the SLA");
    }

    @Test
    void aBrokenTemplateIsAConfigurationProblemNamingTheFileAndLine() throws IOException {
        Files.writeString(dir.resolve("digest.html"), "<p>ok</p>\n<p th:text=\"${flags[0].nosuchfield}\"></p>");
        AlertComposer composer = composer(dir);

        assertThatThrownBy(() -> AlertsConfiguration.trialRender(composer, fixture.clock))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(dir.resolve("digest.html") + ": baton.alerts.templates: template does not render")
                .hasMessageContaining("[line 2]");
    }

    @Test
    void agesReadAsAPersonWouldSayThem() {
        assertThat(Ages.human(Duration.ofHours(76))).isEqualTo("3 d 4 h");
        assertThat(Duration.ofDays(2)).satisfies(d -> assertThat(Ages.human(d)).isEqualTo("2 d"));
        assertThat(Ages.human(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(Ages.human(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(Ages.human(Duration.ofSeconds(20))).isEqualTo("< 1 min");
    }

    @Test
    void recordIdsAreEscapedInLinks() {
        CrmLinks links = new CrmLinks(leakage.links());

        assertThat(links.salesforce("Lead", "00Q/../x y")).isEqualTo(
                "https://example.my.salesforce.com/lightning/r/Lead/00Q%2F..%2Fx%20y/view");
    }
}
