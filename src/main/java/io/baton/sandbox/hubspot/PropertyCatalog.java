package io.baton.sandbox.hubspot;

import io.baton.sandbox.hubspot.PropertyDefinition.Option;
import io.baton.sandbox.hubspot.PropertyDefinition.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contact properties the simulated portal knows. Anything else is {@code PROPERTY_DOESNT_EXIST}
 * on write (A.6) and silently ignored on read (A.1). Enumeration options are A.5's defaults.
 */
public final class PropertyCatalog {

    public static final String EMAIL = "email";
    public static final String FIRSTNAME = "firstname";
    public static final String LASTNAME = "lastname";
    public static final String LIFECYCLE_STAGE = "lifecyclestage";
    public static final String LEAD_STATUS = "hs_lead_status";
    public static final String OWNER_ID = "hubspot_owner_id";
    public static final String CREATE_DATE = "createdate";
    public static final String LAST_MODIFIED = "lastmodifieddate";
    public static final String OBJECT_ID = "hs_object_id";
    public static final String MERGED_IDS = "hs_merged_object_ids";
    public static final String ADDITIONAL_EMAILS = "hs_additional_emails";
    /** When a note, call, email or meeting was last logged on the contact (computed). */
    public static final String NOTES_LAST_UPDATED = "notes_last_updated";
    /** When a rep last did a sales activity on the contact (computed). */
    public static final String LAST_SALES_ACTIVITY = "hs_last_sales_activity_timestamp";
    /** Baton's custom unique property holding the Salesforce id; usable as {@code idProperty}. */
    public static final String SALESFORCE_ID = "baton_salesforce_id";

    /** A.5 order 1..8: the forward-only rule compares positions in this list. */
    public static final List<Option> LIFECYCLE_STAGES = List.of(
            new Option("subscriber", "Subscriber"),
            new Option("lead", "Lead"),
            new Option("marketingqualifiedlead", "Marketing Qualified Lead"),
            new Option("salesqualifiedlead", "Sales Qualified Lead"),
            new Option("opportunity", "Opportunity"),
            new Option("customer", "Customer"),
            new Option("evangelist", "Evangelist"),
            new Option("other", "Other"));

    public static final List<Option> LEAD_STATUSES = List.of(
            new Option("NEW", "New"),
            new Option("OPEN", "Open"),
            new Option("IN_PROGRESS", "In Progress"),
            new Option("OPEN_DEAL", "Open Deal"),
            new Option("UNQUALIFIED", "Unqualified"),
            new Option("ATTEMPTED_TO_CONTACT", "Attempted to Contact"),
            new Option("CONNECTED", "Connected"),
            new Option("BAD_TIMING", "Bad Timing"));

    /** Returned by GET/list when {@code properties} is omitted (A.1). */
    static final List<String> DEFAULT_READ = List.of(CREATE_DATE, EMAIL, FIRSTNAME, LAST_MODIFIED, LASTNAME, OBJECT_ID);
    /** HubSpot adds these to every read whatever was asked for (A.1, A.2 examples). */
    static final List<String> ALWAYS_READ = List.of(CREATE_DATE, LAST_MODIFIED, OBJECT_ID);

    private static final PropertyCatalog STANDARD = new PropertyCatalog(standardProperties());

    private final Map<String, PropertyDefinition> byName;

    private PropertyCatalog(List<PropertyDefinition> definitions) {
        Map<String, PropertyDefinition> map = new LinkedHashMap<>();
        definitions.forEach(d -> map.put(d.name(), d));
        this.byName = Collections.unmodifiableMap(map);
    }

    public static PropertyCatalog standard() {
        return STANDARD;
    }

    public Optional<PropertyDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean knows(String name) {
        return byName.containsKey(name);
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** Properties that can be an {@code idProperty}: the object id and unique-value properties. */
    public boolean isIdProperty(String name) {
        PropertyDefinition d = byName.get(name);
        return d != null && (d.unique() || OBJECT_ID.equals(name));
    }

    /** Position of a default lifecycle stage in A.5's order, or -1 (custom stages are not ordered). */
    static int stageOrder(String stage) {
        for (int i = 0; i < LIFECYCLE_STAGES.size(); i++) {
            if (LIFECYCLE_STAGES.get(i).value().equals(stage)) {
                return i;
            }
        }
        return -1;
    }

    /** HubSpot stamps {@code hs_lifecyclestage_<stage>_date} when a record first enters a stage. */
    static String stageDateProperty(String stage) {
        return "hs_lifecyclestage_" + stage + "_date";
    }

    private static List<PropertyDefinition> standardProperties() {
        List<PropertyDefinition> list = new ArrayList<>();
        list.add(new PropertyDefinition(EMAIL, Type.STRING, false, true, List.of()));
        for (String name : List.of(FIRSTNAME, LASTNAME, "company", "phone", "mobilephone", "jobtitle", "website",
                "address", "city", "state", "zip", "country", "industry")) {
            list.add(PropertyDefinition.string(name));
        }
        list.add(new PropertyDefinition(LIFECYCLE_STAGE, Type.ENUMERATION, false, false, LIFECYCLE_STAGES));
        list.add(new PropertyDefinition(LEAD_STATUS, Type.ENUMERATION, false, false, LEAD_STATUSES));
        // Options are the portal's owners, checked against the store at write time.
        list.add(new PropertyDefinition(OWNER_ID, Type.ENUMERATION, false, false, List.of()));
        list.add(new PropertyDefinition(SALESFORCE_ID, Type.STRING, false, true, List.of()));
        // Marketing's opt-out flag (a boolean checkbox, values "true"/"false") and the original source,
        // which HubSpot's analytics compute and the API may read but not write.
        list.add(new PropertyDefinition("hs_email_optout", Type.ENUMERATION, false, false,
                List.of(new Option("true", "Yes"), new Option("false", "No"))));
        list.add(new PropertyDefinition("hs_analytics_source", Type.ENUMERATION, true, false, sources()));
        // Why a person was disqualified or recycled: a text property the admin creates for Baton.
        list.add(new PropertyDefinition("baton_lifecycle_reason", Type.STRING, false, false, List.of()));
        // The open leak flags Baton writes back (leakage.yml write-back), another admin-made property.
        list.add(new PropertyDefinition("baton_leak_status", Type.STRING, false, false, List.of()));
        // Set by a nurture workflow: the contact is in a nurture track (the recycled-without-nurture rule).
        list.add(new PropertyDefinition("baton_in_nurture", Type.ENUMERATION, false, false,
                List.of(new Option("true", "Yes"), new Option("false", "No"))));
        // The writable copy a portal creates for a CRM connector to keep the lead source in.
        list.add(new PropertyDefinition("lead_source", Type.ENUMERATION, false, false, sources()));
        list.add(PropertyDefinition.readOnly(CREATE_DATE, Type.DATETIME));
        list.add(PropertyDefinition.readOnly(LAST_MODIFIED, Type.DATETIME));
        list.add(PropertyDefinition.readOnly(OBJECT_ID, Type.NUMBER));
        list.add(PropertyDefinition.readOnly(MERGED_IDS, Type.STRING));
        list.add(PropertyDefinition.readOnly(ADDITIONAL_EMAILS, Type.STRING));
        // Activity roll-ups HubSpot computes from engagements: the API may read them, never write them.
        list.add(PropertyDefinition.readOnly(NOTES_LAST_UPDATED, Type.DATETIME));
        list.add(PropertyDefinition.readOnly(LAST_SALES_ACTIVITY, Type.DATETIME));
        for (Option stage : LIFECYCLE_STAGES) {
            list.add(PropertyDefinition.readOnly(stageDateProperty(stage.value()), Type.DATETIME));
        }
        return list;
    }

    /** HubSpot's original-source values (a method: the catalog is built while the class initialises). */
    private static List<Option> sources() {
        return List.of(
                new Option("ORGANIC_SEARCH", "Organic search"), new Option("PAID_SEARCH", "Paid search"),
                new Option("EMAIL_MARKETING", "Email marketing"), new Option("SOCIAL_MEDIA", "Organic social"),
                new Option("REFERRALS", "Referrals"), new Option("OTHER_CAMPAIGNS", "Other campaigns"),
                new Option("DIRECT_TRAFFIC", "Direct traffic"), new Option("OFFLINE", "Offline sources"),
                new Option("PAID_SOCIAL", "Paid social"));
    }
}
