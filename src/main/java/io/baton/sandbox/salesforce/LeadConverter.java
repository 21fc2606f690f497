package io.baton.sandbox.salesforce;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Lead conversion as a rep does it (B.8; not a REST resource): creates an Account from Company, a
 * Contact from the person fields (and, optionally, an Opportunity), then marks the lead converted.
 * Baton's org maps Lead.Baton_HubSpot_Id__c to the Contact's field of the same name, so the HubSpot
 * link survives conversion. The caller holds the org lock.
 */
final class LeadConverter {

    private final SalesforceOrg org;

    LeadConverter(SalesforceOrg org) {
        this.org = org;
    }

    LeadConversion convert(Map<String, Object> lead, boolean withOpportunity, Instant now) {
        if (!"Lead".equals(org.typeOfRow((String) lead.get("Id")))) {
            throw new IllegalArgumentException("not a lead: " + lead.get("Id"));
        }
        if (Boolean.TRUE.equals(lead.get("IsConverted")) || Boolean.TRUE.equals(lead.get("IsDeleted"))) {
            throw new IllegalStateException("lead " + lead.get("Id") + " is already converted or deleted");
        }
        Object owner = lead.get("OwnerId") != null && lead.get("OwnerId").toString().startsWith("005")
                ? lead.get("OwnerId") : org.integrationUserId();
        String accountId = insert("Account", now, Map.of("Name", lead.get("Company"), "OwnerId", owner));
        Map<String, Object> contact = new java.util.HashMap<>();
        for (String f : new String[] {"FirstName", "LastName", "Email", "Phone", "MobilePhone", "Title", "LeadSource",
                "HasOptedOutOfEmail", SObjectSchema.HUBSPOT_ID, SObjectSchema.LIFECYCLE_STAGE}) {
            contact.put(f, lead.get(f));
        }
        contact.put("AccountId", accountId);
        contact.put("OwnerId", owner);
        String contactId = insert("Contact", now, contact);
        String opportunityId = null;
        if (withOpportunity) {
            opportunityId = insert("Opportunity", now, Map.of("Name", lead.get("Company") + "-", "AccountId", accountId,
                    "StageName", "Prospecting", "CloseDate", org.today().plusDays(30), "OwnerId", owner));
        }
        lead.put("IsConverted", true);
        lead.put("Status", SObjectSchema.LEAD_CONVERTED_STATUS);
        lead.put("ConvertedDate", org.today());
        lead.put("ConvertedAccountId", accountId);
        lead.put("ConvertedContactId", contactId);
        lead.put("ConvertedOpportunityId", opportunityId);
        lead.put("LastModifiedDate", now);
        lead.put("SystemModstamp", now);
        return new LeadConversion((String) lead.get("Id"), accountId, contactId, Optional.ofNullable(opportunityId));
    }

    private String insert(String typeName, Instant now, Map<String, Object> fields) {
        SObjectType type = SObjectSchema.type(typeName).orElseThrow();
        Map<String, Object> row = org.defaults(type);
        fields.forEach((k, v) -> row.put(k, v));
        org.derive(type, row, null);
        String id = org.newId(type);
        row.put("Id", id);
        row.put("CreatedDate", now);
        row.put("CreatedById", org.integrationUserId());
        row.put("LastModifiedDate", now);
        row.put("LastModifiedById", org.integrationUserId());
        row.put("SystemModstamp", now);
        org.storeRow(type.name(), id, row);
        return id;
    }
}
