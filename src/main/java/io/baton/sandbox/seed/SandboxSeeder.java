package io.baton.sandbox.seed;

import io.baton.sandbox.hubspot.HubSpotStore;
import io.baton.sandbox.salesforce.SalesforceOrg;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Fills both simulated CRMs with a deterministic, realistic mix: the same owners on both sides,
 * people present in one or both systems, duplicate emails in Salesforce, converted leads, blank
 * fields, and timestamps spread over six weeks with clusters sharing one millisecond (bulk imports),
 * which is exactly what breaks a naive timestamp cursor.
 */
public final class SandboxSeeder {

    private static final List<String[]> OWNERS = List.of(
            new String[] {"rita.reyes@corp.example", "Rita", "Reyes"},
            new String[] {"sam.okoro@corp.example", "Sam", "Okoro"},
            new String[] {"tess.lindqvist@corp.example", "Tess", "Lindqvist"},
            new String[] {"umar.farouk@corp.example", "Umar", "Farouk"},
            new String[] {"vera.novak@corp.example", "Vera", "Novák"},
            new String[] {"will.chen@corp.example", "Will", "Chen"},
            new String[] {"maria.manager@corp.example", "Maria", "Manager"},
            new String[] {"mike.director@corp.example", "Mike", "Director"});
    private static final List<String> HUBSPOT_STAGES = List.of(
            "subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer");
    /** The same stages as values of Salesforce's Lifecycle_Stage__c picklist (config/lifecycle.yml). */
    private static final List<String> SALESFORCE_STAGES = List.of(
            "Subscriber", "Lead", "MQL", "SQL", "Opportunity", "Customer");
    private static final List<String> HUBSPOT_LEAD_STATUS = List.of(
            "NEW", "OPEN", "IN_PROGRESS", "ATTEMPTED_TO_CONTACT", "CONNECTED", "UNQUALIFIED", "BAD_TIMING");
    /** HubSpot's computed original source for each Salesforce lead source the generator uses. */
    private static final Map<String, String> ORIGINAL_SOURCE = Map.of(
            "Web", "ORGANIC_SEARCH", "Phone Inquiry", "OFFLINE", "Partner Referral", "REFERRALS",
            "Purchased List", "OFFLINE", "Other", "OTHER_CAMPAIGNS");
    private static final Duration SPREAD = Duration.ofDays(42);
    private static final double CLUSTER_SHARE = 0.12;

    private final HubSpotStore hubspot;
    private final SalesforceOrg salesforce;
    private final Clock clock;

    public SandboxSeeder(HubSpotStore hubspot, SalesforceOrg salesforce, Clock clock) {
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.clock = clock;
    }

    public SeedReport seed(SeedPlan plan) {
        if (plan.hubspotContacts() == 0 && plan.salesforceLeads() == 0) {
            return SeedReport.EMPTY;
        }
        Random random = new Random(plan.randomSeed());
        Instant now = clock.instant();
        Timeline timeline = new Timeline(random, now);
        List<String> hubspotOwnerIds = new ArrayList<>();
        List<String> salesforceUserIds = new ArrayList<>();
        for (String[] o : OWNERS) {
            hubspotOwnerIds.add(hubspot.seedOwner(o[0], o[1], o[2]).id());
            salesforceUserIds.add(salesforce.seedUser(o[0], o[1], o[2]));
        }
        PersonGenerator people = new PersonGenerator(random, OWNERS.size() - 2);

        int shared = plan.sharedPeople();
        int duplicates = 0;
        int converted = 0;
        List<String> leadIdsToConvert = new ArrayList<>();
        List<String> mqlLeadIds = new ArrayList<>();
        List<String> hubspotOnlyMqls = new ArrayList<>();
        // People [0, shared) live in both systems, then HubSpot-only ones, then Salesforce-only ones.
        int total = plan.hubspotContacts() + plan.salesforceLeads() - shared;
        for (int i = 0; i < total; i++) {
            Person person = people.next();
            boolean inHubSpot = i < plan.hubspotContacts();
            boolean inSalesforce = i < shared || i >= plan.hubspotContacts();
            Stamp stamp = timeline.next();
            if (inHubSpot) {
                String contactId = hubspot.seedContact(hubspotProperties(person, hubspotOwnerIds, random), stamp.created(),
                        stamp.modified());
                if (!inSalesforce && person.stageIndex() == 2) {
                    hubspotOnlyMqls.add(contactId);
                }
            }
            if (inSalesforce) {
                String email = inHubSpot && people.chance(0.2) ? flipCase(person.email()) : person.email();
                Stamp sfStamp = inHubSpot ? timeline.next() : stamp;
                String leadId = salesforce.seed("Lead", leadFields(person, email, salesforceUserIds, random),
                        sfStamp.created(), sfStamp.modified());
                if (people.chance(0.3)) {
                    salesforce.setLastActivityDate(leadId, LocalDate.ofInstant(sfStamp.modified(), ZoneOffset.UTC));
                }
                if (person.stageIndex() >= 4) {
                    leadIdsToConvert.add(leadId);
                } else if (person.stageIndex() == 2) {
                    mqlLeadIds.add(leadId);
                }
                if (people.chance(0.03)) {
                    Stamp dupStamp = timeline.next();
                    salesforce.seed("Lead", leadFields(person, email.toUpperCase(Locale.ROOT), salesforceUserIds, random),
                            dupStamp.created(), dupStamp.modified());
                    duplicates++;
                }
            }
        }
        for (String leadId : leadIdsToConvert) {
            salesforce.convertLead(leadId, random.nextBoolean());
            converted++;
        }
        unowned(mqlLeadIds, salesforceUserIds, now);
        // MQLs marketing may no longer email: the inclusion filter keeps them out of Salesforce, and
        // the leak scan reports them as MQLs that never got there, with that cause.
        hubspotOnlyMqls.stream().limit(2).forEach(id -> hubspot.setFromUi(id, Map.of("hs_email_optout", "true")));
        return new SeedReport(OWNERS.size(), plan.hubspotContacts(), plan.salesforceLeads() + duplicates, shared, duplicates,
                converted, timeline.clusters());
    }

    /**
     * Handoffs nobody picked up, for the leak rules to find: a few MQL Leads sit in a triage queue,
     * and the last rep has left (an inactive user who still owns Leads). Uses no randomness, so the
     * rest of the seed stays as it was.
     */
    private void unowned(List<String> mqlLeadIds, List<String> userIds, Instant now) {
        if (mqlLeadIds.isEmpty()) {
            return;
        }
        String queue = salesforce.seed("Group", Map.of("Name", "Lead Triage", "DeveloperName", "Lead_Triage",
                "Type", "Queue"), now, now);
        mqlLeadIds.stream().limit(3).forEach(lead -> salesforce.updateAsRep(lead, Map.of("OwnerId", queue)));
        salesforce.updateAsRep(userIds.get(OWNERS.size() - 3), Map.of("IsActive", false));
    }

    private static Map<String, String> hubspotProperties(Person p, List<String> ownerIds, Random random) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("email", p.email());
        props.put("firstname", p.firstName());
        props.put("lastname", p.lastName());
        putIfPresent(props, "company", p.company());
        putIfPresent(props, "phone", p.phone());
        putIfPresent(props, "jobtitle", p.title());
        props.put("lifecyclestage", HUBSPOT_STAGES.get(p.stageIndex()));
        props.put("hs_analytics_source", ORIGINAL_SOURCE.getOrDefault(p.leadSource(), "OTHER_CAMPAIGNS"));
        props.put("lead_source", props.get("hs_analytics_source"));
        if (p.stageIndex() >= 1) {
            props.put("hs_lead_status", HUBSPOT_LEAD_STATUS.get(random.nextInt(HUBSPOT_LEAD_STATUS.size())));
            if (random.nextDouble() < 0.85) {
                props.put("hubspot_owner_id", ownerIds.get(p.ownerIndex()));
            }
        }
        return props;
    }

    private static Map<String, Object> leadFields(Person p, String email, List<String> userIds, Random random) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("FirstName", p.firstName());
        fields.put("LastName", p.lastName());
        // Company is required on a Lead; orgs conventionally fill the unknown ones like this.
        fields.put("Company", p.company().isEmpty() ? "[not provided]" : p.company());
        fields.put("Email", email);
        if (!p.phone().isEmpty()) {
            fields.put("Phone", p.phone());
        }
        if (!p.title().isEmpty() && random.nextDouble() < 0.9) {
            fields.put("Title", p.title());
        }
        fields.put("LeadSource", p.leadSource());
        fields.put("Status", p.stageIndex() >= 3 || random.nextBoolean() ? "Working - Contacted" : "Open - Not Contacted");
        fields.put("OwnerId", userIds.get(p.ownerIndex()));
        fields.put("Lifecycle_Stage__c", SALESFORCE_STAGES.get(p.stageIndex()));
        return fields;
    }

    private static void putIfPresent(Map<String, String> props, String key, String value) {
        if (!value.isEmpty()) {
            props.put(key, value);
        }
    }

    private static String flipCase(String email) {
        return Character.isUpperCase(email.charAt(0)) ? email.toLowerCase(Locale.ROOT) : email.toUpperCase(Locale.ROOT);
    }

    /** Created/modified pairs over the last six weeks, some modified at one of a few shared milliseconds. */
    private static final class Timeline {
        private final Random random;
        private final Instant now;
        private final List<Instant> clusters = new ArrayList<>();

        Timeline(Random random, Instant now) {
            this.random = random;
            this.now = now;
            for (int i = 0; i < 5; i++) {
                clusters.add(now.minus(Duration.ofMillis((long) (random.nextDouble() * SPREAD.toMillis()))));
            }
        }

        Stamp next() {
            Instant created = now.minus(Duration.ofMillis((long) (random.nextDouble() * SPREAD.toMillis())));
            if (random.nextDouble() < CLUSTER_SHARE) {
                Instant burst = clusters.get(random.nextInt(clusters.size()));
                return new Stamp(created.isBefore(burst) ? created : burst, burst);
            }
            long sinceCreated = Duration.between(created, now).toMillis();
            return new Stamp(created, created.plusMillis((long) (random.nextDouble() * sinceCreated)));
        }

        int clusters() {
            return clusters.size();
        }
    }

    private record Stamp(Instant created, Instant modified) {
    }
}
