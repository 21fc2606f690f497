package io.baton.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Random interleaved edits on both sides, as a property over hundreds of independent histories at
 * once: 200 people, each edited at random on HubSpot, Salesforce or both (values and blanks, in a
 * random order) over several rounds. After every round's sync each two-way field holds the value
 * of its newest edit on both sides — what the {@code two-way} rule says — and a further pass with
 * no outside change sends no write at all (no echo). The seed is fixed so a failure repeats.
 */
class RandomEditsConvergenceEndToEndTest extends SyncedServiceTest {

    private static final SandboxedService SERVICE = new SandboxedService("random_edits");
    private static final int PEOPLE = 200;
    private static final int ROUNDS = 3;
    /** Two-way fields of the shipped mappings.yml, HubSpot property → Salesforce field. */
    private static final Map<String, String> TWO_WAY = Map.of(
            "firstname", "FirstName", "phone", "Phone", "jobtitle", "Title");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SERVICE.register(registry, 0, 0, 0);
    }

    @Test
    void everyTwoWayFieldEndsAtItsNewestEditOnBothSidesAndAQuietPassWritesNothing() {
        Random random = new Random(20261202L);
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            persons.add(new Person(people.hubspotMql("rnd" + i + "@random.example", Map.of("phone", "+1 555 1000",
                    "jobtitle", "Analyst"))));
        }
        sync.syncUntilQuiet(10);
        for (Person p : persons) {
            p.leadId = links.findByHubSpotId(p.contactId).orElseThrow().salesforceId().orElseThrow();
            p.expected.putAll(Map.of("firstname", "First", "phone", "+1 555 1000", "jobtitle", "Analyst"));
        }

        for (int round = 0; round < ROUNDS; round++) {
            for (Person p : persons) {
                editAtRandom(p, random, round);
            }
            sync.syncUntilQuiet(10);
            assertConverged(persons, round);
        }
        SandboxPeople.Calls before = people.calls();
        sync.syncUntilQuiet(3);
        assertThat(people.calls().minus(before).writes()).as("writes of a pass with no outside change").isZero();
    }

    /**
     * HubSpot only, Salesforce only, or both in a random order, each touching 1–3 random fields. A
     * value a side already holds is no change on that side (neither CRM records one), so it does not
     * move what the field should end at.
     */
    private void editAtRandom(Person p, Random random, int round) {
        Map<String, String> atRoundStart = Map.copyOf(p.expected);
        int who = random.nextInt(4);   // 0 nobody, 1 HubSpot, 2 Salesforce, 3 both
        boolean hubspotFirst = random.nextBoolean();
        for (int step = 0; step < 2; step++) {
            boolean hubspotTurn = (step == 0) == hubspotFirst;
            if (hubspotTurn && (who == 1 || who == 3)) {
                Map<String, String> edit = randomValues(random, round, "hs");
                people.editInHubSpot(p.contactId, edit);
                expectChanges(p, atRoundStart, edit);
            } else if (!hubspotTurn && (who == 2 || who == 3)) {
                Map<String, String> edit = randomValues(random, round, "sf");
                Map<String, Object> fields = new HashMap<>();
                edit.forEach((property, value) -> fields.put(TWO_WAY.get(property), value.isEmpty() ? null : value));
                people.editInSalesforce(p.leadId, fields);
                expectChanges(p, atRoundStart, edit);
            }
        }
    }

    private static void expectChanges(Person p, Map<String, String> atRoundStart, Map<String, String> edit) {
        edit.forEach((property, value) -> {
            if (!value.equals(atRoundStart.get(property))) {
                p.expected.put(property, value);
            }
        });
    }

    private static Map<String, String> randomValues(Random random, int round, String side) {
        List<String> properties = new ArrayList<>(TWO_WAY.keySet());
        java.util.Collections.shuffle(properties, random);
        Map<String, String> edit = new LinkedHashMap<>();
        for (String property : properties.subList(0, 1 + random.nextInt(properties.size()))) {
            boolean blank = !property.equals("firstname") && random.nextInt(5) == 0;
            edit.put(property, blank ? "" : property.equals("phone")
                    ? "+1 555 " + (2000 + random.nextInt(8000)) : side + "-" + round + "-" + random.nextInt(1000));
        }
        return edit;
    }

    private void assertConverged(List<Person> persons, int round) {
        SoftAssertions soft = new SoftAssertions();
        for (Person p : persons) {
            var contact = people.hubspotContact(p.contactId).orElseThrow();
            var lead = people.salesforce(p.leadId);
            p.expected.forEach((property, value) -> {
                String hubspot = contact.property(property);
                Object salesforce = lead.get(TWO_WAY.get(property));
                soft.assertThat(hubspot == null ? "" : hubspot).as("round %d, %s, HubSpot %s", round, p.contactId, property)
                        .isEqualTo(value);
                soft.assertThat(salesforce == null ? "" : salesforce.toString())
                        .as("round %d, %s, Salesforce %s", round, p.leadId, TWO_WAY.get(property)).isEqualTo(value);
            });
        }
        soft.assertAll();
    }

    private static final class Person {
        final String contactId;
        String leadId;
        final Map<String, String> expected = new HashMap<>();

        Person(String contactId) {
            this.contactId = contactId;
        }
    }
}
