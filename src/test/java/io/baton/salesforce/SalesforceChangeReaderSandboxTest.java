package io.baton.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.baton.core.record.Change;
import io.baton.core.record.ChangePage;
import io.baton.core.record.CrmRecord;
import io.baton.core.record.RecordRef;
import io.baton.core.record.SyncCursor;
import io.baton.sandbox.Sandbox;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.http.CallCounter;
import io.baton.sandbox.http.SandboxClock;
import io.baton.sandbox.salesforce.LeadConversion;
import io.baton.sandbox.salesforce.SalesforceOrg;
import io.baton.sandbox.salesforce.SalesforceSandboxSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The change reader end to end: a real CamelContext and camel-salesforce against the Salesforce
 * sandbox, rows seeded straight into the org, API calls read from the sandbox's call counter.
 */
class SalesforceChangeReaderSandboxTest {

    private static final String QUERY_ALL = "GET /services/data/v60.0/queryAll";
    private static final String QUERY_MORE = "GET /services/data/v60.0/query/{locator}";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00.250Z");
    private static final List<String> LEAD_FIELDS = List.of("Email", "LastName", "Company", "Status");

    private final SandboxClock clock =
            new SandboxClock(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
    private Sandbox sandbox;
    private CamelSalesforce camel;

    @BeforeEach
    void start() {
        // Batches of 500 under the reader's pages of 2,000, so every full page also exercises queryMore.
        sandbox = Sandbox.start(SandboxSettings.forTests()
                .withSalesforce(SalesforceSandboxSettings.defaults().withQueryBatchSize(500)), clock);
        camel = CamelSalesforce.at(sandbox.salesforceUrl());
    }

    @AfterEach
    void stop() {
        camel.close();
        sandbox.close();
    }

    private SalesforceOrg org() {
        return sandbox.salesforce().org();
    }

    private CallCounter calls() {
        return sandbox.salesforceServer().counter();
    }

    private SalesforceChangeReader reader(int pageSize) {
        return new SalesforceChangeReader(camel.gateway(), pageSize);
    }

    private String seedLead(int i, Instant modstamp) {
        return org().seed("Lead", Map.of("LastName", "L" + i, "Company", "Acme", "Email", "l" + i + "@acme.com"),
                modstamp, modstamp);
    }

    /** Reads pages until caught up, committing each page's cursor before the next read. */
    private List<ChangePage> readAll(SalesforceChangeReader reader, String type, SyncCursor from, List<String> fields) {
        List<ChangePage> pages = new ArrayList<>();
        SyncCursor cursor = from;
        ChangePage page;
        do {
            page = reader.readPage(type, cursor, fields);
            pages.add(page);
            cursor = page.cursor();
        } while (page.hasMore());
        return pages;
    }

    private static List<String> ids(List<ChangePage> pages) {
        return pages.stream().flatMap(p -> p.changes().stream()).map(c -> c.ref().id()).toList();
    }

    private static CrmRecord only(ChangePage page) {
        assertThat(page.changes()).hasSize(1);
        return page.changes().get(0).record().orElseThrow();
    }

    @Test
    void rowsYoungerThanTheSettleTimeWaitForALaterRead() {
        Instant now = clock.instant();
        String settled = seedLead(1, now.minusSeconds(30));
        String fresh = seedLead(2, now.minusSeconds(3));
        SalesforceChangeReader reader = new SalesforceChangeReader(camel.gateway(), clock, Duration.ofSeconds(10), 2000);

        ChangePage first = reader.readPage("Lead", SyncCursor.BEGINNING, LEAD_FIELDS);
        assertThat(first.changes()).extracting(c -> c.ref().id()).containsExactly(settled);

        clock.advance(Duration.ofSeconds(10));
        ChangePage second = reader.readPage("Lead", first.cursor(), LEAD_FIELDS);
        assertThat(second.changes()).extracting(c -> c.ref().id()).containsExactly(fresh);
    }

    @Test
    void aCursorInsideTheSettleWindowCostsNoCall() {
        SalesforceChangeReader reader = new SalesforceChangeReader(camel.gateway(), clock, Duration.ofSeconds(10), 2000);
        SyncCursor recent = new SyncCursor(clock.instant().minusSeconds(5), "00Q000000000001AAA");

        ChangePage page = reader.readPage("Lead", recent, LEAD_FIELDS);

        assertThat(page.isEmpty()).isTrue();
        assertThat(page.cursor()).isEqualTo(recent);
        assertThat(calls().total()).isZero();
    }

    @Test
    void fiveThousandLeadsInOneMillisecondAreEachReadExactlyOnce() {
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            seeded.add(seedLead(i, T0));
        }
        List<ChangePage> pages = readAll(reader(2000), "Lead", SyncCursor.BEGINNING, LEAD_FIELDS);

        List<String> read = ids(pages);
        assertThat(read).doesNotHaveDuplicates().hasSize(5000);
        assertThat(new HashSet<>(read)).isEqualTo(seeded);
        assertThat(pages).extracting(p -> p.changes().size()).containsExactly(2000, 2000, 1000);
        assertThat(pages).extracting(ChangePage::hasMore).containsExactly(true, true, false);
        assertThat(pages.get(0).cursor().timestamp()).isEqualTo(T0);
        assertThat(pages.get(2).cursor()).isEqualTo(new SyncCursor(T0, read.get(4999)));
    }

    @Test
    void tiedLeadsSplitAcrossPagesResumeAfterTheLastIdOfTheTie() {
        // 30 rows in one millisecond over pages of 7: every boundary falls inside the tie. (These
        // ids differ only in digits and capitals, where the sandbox's two Id orders still agree.)
        List<String> seeded = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            seeded.add(seedLead(i, T0));
        }
        List<ChangePage> pages = readAll(reader(7), "Lead", SyncCursor.BEGINNING, LEAD_FIELDS);

        assertThat(ids(pages)).containsExactlyElementsOf(seeded);
        assertThat(pages).extracting(p -> p.changes().size()).containsExactly(7, 7, 7, 7, 2);
        assertThat(pages.get(1).cursor()).isEqualTo(new SyncCursor(T0, seeded.get(13)));
        assertThat(calls().count(QUERY_ALL)).isEqualTo(5);
    }

    @Test
    void updatesAfterTheCursorAreReadAndOlderRowsAreNot() {
        List<String> leads = List.of(seedLead(0, T0), seedLead(1, T0.plusMillis(1)), seedLead(2, T0.plusMillis(2)));
        SyncCursor caughtUp = readAll(reader(2000), "Lead", SyncCursor.BEGINNING, LEAD_FIELDS).get(0).cursor();
        assertThat(caughtUp).isEqualTo(new SyncCursor(T0.plusMillis(2), leads.get(2)));

        clock.advance(Duration.ofSeconds(5));
        org().updateAsRep(leads.get(1), Map.of("Email", "new@acme.com"));
        ChangePage page = reader(2000).readPage("Lead", caughtUp, LEAD_FIELDS);

        CrmRecord updated = only(page);
        assertThat(updated.ref()).isEqualTo(RecordRef.salesforce("Lead", leads.get(1)));
        assertThat(updated.value("Email")).contains("new@acme.com");
        assertThat(updated.modstamp()).isEqualTo(clock.instant());
        assertThat(updated.fields()).containsOnlyKeys("Email", "LastName", "Company", "Status", "IsConverted",
                "ConvertedContactId");
        assertThat(updated.fields().get("ConvertedContactId")).isEmpty();
        assertThat(page.cursor()).isEqualTo(new SyncCursor(updated.modstamp(), leads.get(1)));
        assertThat(page.hasMore()).isFalse();

        ChangePage nothing = reader(2000).readPage("Lead", page.cursor(), LEAD_FIELDS);
        assertThat(nothing.isEmpty()).isTrue();
        assertThat(nothing.cursor()).isEqualTo(page.cursor());
        assertThat(nothing.hasMore()).isFalse();
    }

    @Test
    void aDeletedLeadIsADeleteAndAMergedLeadIsAMergeIntoItsMaster() {
        String deleted = seedLead(0, T0);
        String master = seedLead(1, T0);
        String merged = seedLead(2, T0);
        SyncCursor caughtUp = reader(2000).readPage("Lead", SyncCursor.BEGINNING, LEAD_FIELDS).cursor();

        clock.advance(Duration.ofSeconds(1));
        org().deleteAsRep(deleted);
        clock.advance(Duration.ofSeconds(1));
        org().merge("Lead", master, merged);
        ChangePage page = reader(2000).readPage("Lead", caughtUp, LEAD_FIELDS);

        assertThat(page.changes()).extracting(Change::kind, c -> c.ref().id())
                .containsExactly(tuple(Change.Kind.DELETE, deleted),
                        tuple(Change.Kind.UPSERT, master),
                        tuple(Change.Kind.MERGE, merged));
        assertThat(page.changes().get(2).mergedInto()).contains(RecordRef.salesforce("Lead", master));
        assertThat(page.changes().get(0).record()).isEmpty();
        assertThat(page.changes().get(0).mergedInto()).isEmpty();
        assertThat(page.cursor()).isEqualTo(new SyncCursor(clock.instant(), merged));
    }

    @Test
    void aConvertedLeadCarriesItsContactAndTheContactAppearsInTheContactStream() {
        String lead = seedLead(0, T0);
        SyncCursor leadsCaughtUp = reader(2000).readPage("Lead", SyncCursor.BEGINNING, LEAD_FIELDS).cursor();
        SyncCursor contactsCaughtUp = reader(2000).readPage("Contact", SyncCursor.BEGINNING, List.of("Email")).cursor();
        assertThat(contactsCaughtUp).isEqualTo(SyncCursor.BEGINNING);

        clock.advance(Duration.ofMinutes(1));
        LeadConversion conversion = org().convertLead(lead, false);

        CrmRecord converted = only(reader(2000).readPage("Lead", leadsCaughtUp, LEAD_FIELDS));
        assertThat(converted.ref()).isEqualTo(RecordRef.salesforce("Lead", lead));
        assertThat(converted.value("IsConverted")).contains("true");
        assertThat(converted.value("Status")).contains("Closed - Converted");
        assertThat(ConvertedLeads.isConverted(converted)).isTrue();
        assertThat(ConvertedLeads.contactOf(converted)).contains(RecordRef.salesforce("Contact", conversion.contactId()));

        CrmRecord contact = only(reader(2000).readPage("Contact", contactsCaughtUp, List.of("Email", "LastName")));
        assertThat(contact.ref()).isEqualTo(RecordRef.salesforce("Contact", conversion.contactId()));
        assertThat(contact.value("Email")).contains("l0@acme.com");
        assertThat(contact.fields()).containsOnlyKeys("Email", "LastName");
        assertThat(ConvertedLeads.contactOf(contact)).isEmpty();
    }

    @Test
    void aNewReaderResumingFromTheCommittedCursorReadsNothingTwice() {
        List<String> seeded = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seeded.add(seedLead(i, T0));
        }
        ChangePage first = reader(4).readPage("Lead", SyncCursor.BEGINNING, LEAD_FIELDS);
        SyncCursor committed = first.cursor();
        // The process dies here: a page read after the commit but never committed is read again, by design.
        reader(4).readPage("Lead", committed, LEAD_FIELDS);
        camel.close();

        camel = CamelSalesforce.at(sandbox.salesforceUrl());
        List<ChangePage> rest = readAll(reader(4), "Lead", committed, LEAD_FIELDS);

        List<String> read = new ArrayList<>(ids(List.of(first)));
        read.addAll(ids(rest));
        assertThat(read).containsExactlyElementsOf(seeded);
        ChangePage again = reader(4).readPage("Lead", rest.get(rest.size() - 1).cursor(), LEAD_FIELDS);
        assertThat(again.isEmpty()).isTrue();
        assertThat(calls().count("POST /services/oauth2/token")).isEqualTo(2);
    }

    @Test
    void fiveThousandChangesCostOneQueryAllPerPageAndOneQueryMorePerFurtherBatch() {
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            seeded.add(seedLead(i, T0.plusMillis(i)));
        }
        calls().reset();
        List<ChangePage> pages = readAll(reader(2000), "Lead", SyncCursor.BEGINNING, LEAD_FIELDS);

        assertThat(ids(pages)).doesNotHaveDuplicates().hasSize(5000);
        assertThat(new HashSet<>(ids(pages))).isEqualTo(seeded);
        // Pages of 2,000, 2,000 and 1,000 in batches of 500: 3 queryAll + (3 + 3 + 1) queryMore, one login.
        assertThat(pages).extracting(p -> p.changes().size()).containsExactly(2000, 2000, 1000);
        assertThat(calls().count(QUERY_ALL)).isEqualTo(3);
        assertThat(calls().count(QUERY_MORE)).isEqualTo(7);
        assertThat(calls().count("POST /services/oauth2/token")).isEqualTo(1);
        assertThat(calls().total()).isEqualTo(11);
    }
}
