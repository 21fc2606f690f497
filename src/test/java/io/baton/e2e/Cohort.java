package io.baton.e2e;

import io.baton.sandbox.hubspot.ContactSnapshot;
import io.baton.sandbox.salesforce.SObjectRecord;
import io.baton.store.DeadLetter;
import io.baton.store.DeadLetterRepository;
import io.baton.store.LinkStatus;
import io.baton.store.RecordLink;
import io.baton.store.RecordLinkRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;

/**
 * A few fresh people under one email domain of their own, so a test case can seed them, put the
 * sync through some trouble and then check them alone: some only in HubSpot, some only in
 * Salesforce, one typed into both.
 */
final class Cohort {

    /** The mapped field pairs (config/mappings.yml) whose values must end equal on both sides. */
    private static final Map<String, String> MAPPED = Map.of("email", "Email", "firstname", "FirstName",
            "lastname", "LastName", "company", "Company", "phone", "Phone", "jobtitle", "Title");

    private final SandboxPeople people;
    private final String domain;
    private final List<String> hubspotFirst = new ArrayList<>();
    private final List<String> salesforceFirst = new ArrayList<>();
    private final List<String> onBothSides = new ArrayList<>();

    private Cohort(SandboxPeople people, String domain) {
        this.people = people;
        this.domain = domain;
    }

    /** Seeds {@code each} people only in HubSpot, {@code each} only in Salesforce and one in both. */
    static Cohort seed(SandboxPeople people, String domain, int each) {
        Cohort cohort = new Cohort(people, domain);
        for (int i = 1; i <= each; i++) {
            cohort.hubspotFirst.add(people.hubspotMql("hs" + i + "@" + domain, Map.of("jobtitle", "Buyer " + i)));
            String email = "sf" + i + "@" + domain;
            people.salesforceLead(email, Map.of("Title", "Rep's pick " + i));
            cohort.salesforceFirst.add(email);
        }
        String both = "both@" + domain;
        people.hubspotMql(both, Map.of("phone", "+1 555 0100"));
        people.salesforceLead(both, Map.of("Title", "Typed twice"));
        cohort.onBothSides.add(both);
        return cohort;
    }

    String domain() {
        return domain;
    }

    /** Every person's email, HubSpot-first ones first. */
    List<String> emails() {
        return Stream.of(hubspotFirst.stream().map(this::emailOfContact), salesforceFirst.stream(), onBothSides.stream())
                .flatMap(s -> s).toList();
    }

    /** HubSpot-first people's emails, in seeding order. */
    List<String> hubspotFirstEmails() {
        return hubspotFirst.stream().map(this::emailOfContact).toList();
    }

    private String emailOfContact(String contactId) {
        return people.hubspotContact(contactId).orElseThrow().property("email");
    }

    /**
     * Edits every person of the cohort who has an open dead letter, at the side the letter came
     * from, so the next sync carries the record again (what a dead-letter retry would do).
     */
    int touchDeadLettered(DeadLetterRepository deadLetters, String title) {
        List<DeadLetter> open = openDeadLetters(deadLetters);
        for (DeadLetter letter : open) {
            String id = letter.record().id();
            if (letter.record().side() == io.baton.core.record.Side.HUBSPOT) {
                people.editInHubSpot(id, Map.of("jobtitle", title));
            } else {
                people.editInSalesforce(id, Map.of("Title", title));
            }
        }
        return open.size();
    }

    /** Open dead letters about any record of this cohort (matched by the records' ids on either side). */
    List<DeadLetter> openDeadLetters(DeadLetterRepository deadLetters) {
        Set<String> ids = emails().stream().flatMap(e -> Stream.concat(
                people.hubspotByEmail(e).stream().map(ContactSnapshot::id),
                Stream.concat(people.salesforceByEmail("Lead", e).stream(), people.salesforceByEmail("Contact", e).stream())
                        .map(SObjectRecord::id))).collect(Collectors.toSet());
        return deadLetters.listOpen(10_000).stream().filter(d -> ids.contains(d.record().id())).toList();
    }

    /**
     * The end state after any fault: each person once on each side, one active link joining exactly
     * those two records (and the external id a create wrote pointing at the partner), mapped fields
     * equal, and no dead letter left open.
     */
    void assertConverged(RecordLinkRepository links, DeadLetterRepository deadLetters) {
        SoftAssertions soft = new SoftAssertions();
        assertSynced(soft, emails(), links);
        soft.assertThat(openDeadLetters(deadLetters)).as("open dead letters of %s", domain).isEmpty();
        soft.assertAll();
    }

    /** The same checks for some people only, dead letters aside (others may still be failing). */
    void assertSynced(List<String> emails, RecordLinkRepository links) {
        SoftAssertions soft = new SoftAssertions();
        assertSynced(soft, emails, links);
        soft.assertAll();
    }

    private void assertSynced(SoftAssertions soft, List<String> emails, RecordLinkRepository links) {
        for (String email : emails) {
            List<ContactSnapshot> contacts = people.hubspotByEmail(email);
            List<SObjectRecord> rows = Stream.concat(people.salesforceByEmail("Lead", email).stream(),
                    people.salesforceByEmail("Contact", email).stream()).toList();
            List<RecordLink> linked = links.findByEmail(email).stream().filter(l -> l.status() == LinkStatus.ACTIVE).toList();
            soft.assertThat(contacts).as("HubSpot contacts with %s", email).hasSize(1);
            soft.assertThat(rows).as("Salesforce Leads/Contacts with %s", email).hasSize(1);
            soft.assertThat(linked).as("active links of %s", email).hasSize(1);
            if (contacts.size() != 1 || rows.size() != 1 || linked.size() != 1) {
                continue;
            }
            ContactSnapshot contact = contacts.get(0);
            SObjectRecord row = rows.get(0);
            RecordLink link = linked.get(0);
            soft.assertThat(link.hubspotId()).as("%s link's HubSpot id", email).contains(contact.id());
            soft.assertThat(link.salesforceId()).as("%s link's Salesforce id", email).contains(row.id());
            // DESIGN §3 Identity: a create carries the source's id as the upsert key, so the side Baton
            // created holds it; a pair matched by email may hold none, but an id held points at the partner.
            assertPointsAt(soft, email + " baton_salesforce_id", contact.property("baton_salesforce_id"), row.id(),
                    salesforceFirst.contains(email));
            assertPointsAt(soft, email + " Baton_HubSpot_Id__c", row.string("Baton_HubSpot_Id__c"), contact.id(),
                    hubspotFirstEmails().contains(email));
            MAPPED.forEach((property, field) -> soft.assertThat(text(row.get(field)))
                    .as("%s: Salesforce %s against HubSpot %s", email, field, property)
                    .isEqualTo(text(contact.property(property))));
            soft.assertThat(text(contact.property("lastname"))).as("%s lastname", email).isNotBlank();
        }
    }

    private static void assertPointsAt(SoftAssertions soft, String what, String held, String partner, boolean required) {
        if (required || held != null) {
            soft.assertThat(held).as(what).isEqualTo(partner);
        }
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
