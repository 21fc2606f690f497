package io.baton.sandbox.salesforce;

import static io.baton.sandbox.salesforce.SObjectField.Type.BOOLEAN;
import static io.baton.sandbox.salesforce.SObjectField.Type.CURRENCY;
import static io.baton.sandbox.salesforce.SObjectField.Type.DATE;
import static io.baton.sandbox.salesforce.SObjectField.Type.DATETIME;
import static io.baton.sandbox.salesforce.SObjectField.Type.EMAIL;
import static io.baton.sandbox.salesforce.SObjectField.Type.ID;
import static io.baton.sandbox.salesforce.SObjectField.Type.PERCENT;
import static io.baton.sandbox.salesforce.SObjectField.Type.PHONE;
import static io.baton.sandbox.salesforce.SObjectField.Type.STRING;
import static io.baton.sandbox.salesforce.SObjectField.Type.TEXTAREA;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated org's objects and fields (API-REFERENCE B.8): Lead, Contact, Account, Opportunity
 * and User, plus Baton's custom fields on Lead and Contact: the unique external id
 * {@code Baton_HubSpot_Id__c} and the shared lifecycle picklist {@code Lifecycle_Stage__c}.
 */
public final class SObjectSchema {

    public static final String HUBSPOT_ID = "Baton_HubSpot_Id__c";
    public static final String LEAD_DEFAULT_STATUS = "Open - Not Contacted";
    public static final String LEAD_CONVERTED_STATUS = "Closed - Converted";
    public static final List<String> LEAD_STATUSES = List.of(LEAD_DEFAULT_STATUS, "Working - Contacted",
            LEAD_CONVERTED_STATUS, "Closed - Not Converted");
    /** Baton's custom lifecycle picklist on Lead and Contact; the values config/lifecycle.yml ships with. */
    public static final String LIFECYCLE_STAGE = "Lifecycle_Stage__c";
    /** Why the person was disqualified or recycled (lifecycle.yml reason-fields.salesforce). */
    public static final String LIFECYCLE_REASON = "Lifecycle_Reason__c";
    public static final List<String> LIFECYCLE_STAGES = List.of("Subscriber", "Lead", "MQL", "SAL", "SQL",
            "Opportunity", "Customer", "Disqualified", "Recycled");
    public static final List<String> LEAD_SOURCES = List.of("Web", "Phone Inquiry", "Partner Referral",
            "Purchased List", "Other");

    /** B.8 default OpportunityStage rows: probability, closed, won, forecast category. */
    public record Stage(String name, double probability, boolean closed, boolean won, String forecastCategory) {
    }

    public static final List<Stage> STAGES = List.of(
            new Stage("Prospecting", 10, false, false, "Pipeline"),
            new Stage("Qualification", 10, false, false, "Pipeline"),
            new Stage("Needs Analysis", 20, false, false, "Pipeline"),
            new Stage("Value Proposition", 50, false, false, "Pipeline"),
            new Stage("Id. Decision Makers", 60, false, false, "Pipeline"),
            new Stage("Perception Analysis", 70, false, false, "Pipeline"),
            new Stage("Proposal/Price Quote", 75, false, false, "Pipeline"),
            new Stage("Negotiation/Review", 90, false, false, "Pipeline"),
            new Stage("Closed Won", 100, true, true, "Closed"),
            new Stage("Closed Lost", 0, true, false, "Omitted"));

    private static final Map<String, SObjectType> TYPES = new LinkedHashMap<>();

    static {
        register(lead());
        register(contact());
        register(account());
        register(opportunity());
        register(user());
        register(group());
    }

    private SObjectSchema() {
    }

    /** The type with this name (case-insensitive, as SOQL FROM and REST paths accept). */
    public static Optional<SObjectType> type(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(TYPES.get(name.toLowerCase(Locale.ROOT)));
    }

    public static List<SObjectType> types() {
        return List.copyOf(TYPES.values());
    }

    /** The type whose ids carry this key prefix. */
    public static Optional<SObjectType> typeOfId(String id) {
        return TYPES.values().stream().filter(t -> id.startsWith(t.keyPrefix())).findFirst();
    }

    public static Optional<Stage> stage(String name) {
        return STAGES.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    private static void register(SObjectType type) {
        TYPES.put(type.name().toLowerCase(Locale.ROOT), type);
    }

    private static List<SObjectField> system(boolean mergeable, boolean owned, String... ownerPrefixes) {
        List<SObjectField> f = new ArrayList<>();
        f.add(SObjectField.readOnly("Id", ID));
        f.add(SObjectField.readOnly("IsDeleted", BOOLEAN));
        if (mergeable) {
            f.add(SObjectField.reference("MasterRecordId", false, ""));
        }
        if (owned) {
            f.add(SObjectField.reference("OwnerId", true, ownerPrefixes));
        }
        f.add(SObjectField.readOnly("CreatedDate", DATETIME));
        f.add(SObjectField.reference("CreatedById", false, "005"));
        f.add(SObjectField.readOnly("LastModifiedDate", DATETIME));
        f.add(SObjectField.reference("LastModifiedById", false, "005"));
        f.add(SObjectField.readOnly("SystemModstamp", DATETIME));
        f.add(SObjectField.readOnly("LastActivityDate", DATE));
        // Present on every standard object; camel-salesforce DTOs (AbstractSObjectBase) carry them too.
        f.add(SObjectField.readOnly("LastViewedDate", DATETIME));
        f.add(SObjectField.readOnly("LastReferencedDate", DATETIME));
        return f;
    }

    private static SObjectType lead() {
        List<SObjectField> f = system(true, true, "005", "00G");
        f.add(SObjectField.text("FirstName", 40));
        f.add(SObjectField.text("LastName", 80).asRequired());
        f.add(SObjectField.readOnly("Name", STRING));
        f.add(SObjectField.text("Company", 255).asRequired());
        f.add(SObjectField.of("Email", EMAIL));
        f.add(SObjectField.of("Phone", PHONE));
        f.add(SObjectField.of("MobilePhone", PHONE));
        f.add(SObjectField.text("Title", 128));
        // Status is a required restricted picklist with a default (B.8, E.5).
        f.add(SObjectField.picklist("Status", true, LEAD_DEFAULT_STATUS, LEAD_STATUSES.toArray(String[]::new))
                .asRequired());
        // Baton's org restricts LeadSource too, so a mapping bug surfaces as a picklist error.
        f.add(SObjectField.picklist("LeadSource", true, null, LEAD_SOURCES.toArray(String[]::new)));
        f.add(SObjectField.picklist("Rating", false, null, "Hot", "Warm", "Cold"));
        f.add(SObjectField.text("Industry", 255));
        f.add(SObjectField.text("City", 40));
        f.add(SObjectField.text("Country", 80));
        f.add(SObjectField.of("Description", TEXTAREA));
        f.add(SObjectField.of("HasOptedOutOfEmail", BOOLEAN).withDefault(false));
        f.add(SObjectField.readOnly("IsConverted", BOOLEAN));
        f.add(SObjectField.readOnly("ConvertedDate", DATE));
        f.add(SObjectField.reference("ConvertedAccountId", false, "001"));
        f.add(SObjectField.reference("ConvertedContactId", false, "003"));
        f.add(SObjectField.reference("ConvertedOpportunityId", false, "006"));
        f.add(SObjectField.uniqueExternalId(HUBSPOT_ID));
        f.add(SObjectField.picklist(LIFECYCLE_STAGE, true, null, LIFECYCLE_STAGES.toArray(String[]::new)));
        f.add(SObjectField.text(LIFECYCLE_REASON, 255));
        f.add(SObjectField.text("Baton_Leak_Status__c", 255));
        return SObjectType.of("Lead", "00Q", f);
    }

    private static SObjectType contact() {
        List<SObjectField> f = system(true, true, "005");
        f.add(SObjectField.reference("AccountId", true, "001"));
        f.add(SObjectField.text("FirstName", 40));
        f.add(SObjectField.text("LastName", 80).asRequired());
        f.add(SObjectField.readOnly("Name", STRING));
        f.add(SObjectField.of("Email", EMAIL));
        f.add(SObjectField.of("Phone", PHONE));
        f.add(SObjectField.of("MobilePhone", PHONE));
        f.add(SObjectField.text("Title", 128));
        f.add(SObjectField.picklist("LeadSource", true, null, LEAD_SOURCES.toArray(String[]::new)));
        for (String part : List.of("Street", "City", "State", "PostalCode", "Country")) {
            f.add(SObjectField.text("Mailing" + part, part.equals("Street") ? 255 : 80));
        }
        f.add(SObjectField.of("Description", TEXTAREA));
        f.add(SObjectField.of("HasOptedOutOfEmail", BOOLEAN).withDefault(false));
        f.add(SObjectField.uniqueExternalId(HUBSPOT_ID));
        f.add(SObjectField.picklist(LIFECYCLE_STAGE, true, null, LIFECYCLE_STAGES.toArray(String[]::new)));
        f.add(SObjectField.text(LIFECYCLE_REASON, 255));
        f.add(SObjectField.text("Baton_Leak_Status__c", 255));
        return SObjectType.of("Contact", "003", f);
    }

    private static SObjectType account() {
        List<SObjectField> f = system(true, true, "005");
        f.add(SObjectField.text("Name", 255).asRequired());
        f.add(SObjectField.text("Industry", 255));
        f.add(SObjectField.of("Phone", PHONE));
        f.add(SObjectField.text("Website", 255));
        f.add(SObjectField.text("BillingCity", 40));
        f.add(SObjectField.text("BillingCountry", 80));
        f.add(SObjectField.of("Description", TEXTAREA));
        return SObjectType.of("Account", "001", f);
    }

    private static SObjectType opportunity() {
        List<SObjectField> f = system(false, true, "005");
        f.add(SObjectField.text("Name", 120).asRequired());
        f.add(SObjectField.reference("AccountId", true, "001"));
        f.add(SObjectField.picklist("StageName", true, null,
                STAGES.stream().map(Stage::name).toArray(String[]::new)).asRequired());
        f.add(SObjectField.of("CloseDate", DATE).asRequired());
        f.add(SObjectField.of("Amount", CURRENCY));
        f.add(SObjectField.of("Probability", PERCENT));
        f.add(SObjectField.readOnly("IsClosed", BOOLEAN));
        f.add(SObjectField.readOnly("IsWon", BOOLEAN));
        f.add(SObjectField.readOnly("ForecastCategoryName", STRING));
        f.add(SObjectField.picklist("LeadSource", true, null, LEAD_SOURCES.toArray(String[]::new)));
        f.add(SObjectField.of("Description", TEXTAREA));
        return SObjectType.of("Opportunity", "006", f);
    }

    private static SObjectType user() {
        List<SObjectField> f = new ArrayList<>();
        f.add(SObjectField.readOnly("Id", ID));
        f.add(SObjectField.text("Username", 80).asRequired());
        f.add(SObjectField.of("Email", EMAIL).asRequired());
        f.add(SObjectField.text("FirstName", 40));
        f.add(SObjectField.text("LastName", 80).asRequired());
        f.add(SObjectField.readOnly("Name", STRING));
        f.add(SObjectField.of("IsActive", BOOLEAN).withDefault(true));
        f.add(SObjectField.readOnly("CreatedDate", DATETIME));
        f.add(SObjectField.readOnly("LastModifiedDate", DATETIME));
        f.add(SObjectField.readOnly("SystemModstamp", DATETIME));
        return SObjectType.of("User", "005", f);
    }

    /** Public groups and queues (00G): a Lead may be owned by a queue; Type 'Queue' tells them apart. */
    private static SObjectType group() {
        List<SObjectField> f = new ArrayList<>();
        f.add(SObjectField.readOnly("Id", ID));
        f.add(SObjectField.text("Name", 40).asRequired());
        f.add(SObjectField.text("DeveloperName", 80));
        f.add(SObjectField.picklist("Type", true, "Regular", "Regular", "Queue"));
        f.add(SObjectField.readOnly("CreatedDate", DATETIME));
        f.add(SObjectField.readOnly("LastModifiedDate", DATETIME));
        f.add(SObjectField.readOnly("SystemModstamp", DATETIME));
        return SObjectType.of("Group", "00G", f);
    }
}
