-- The shared lifecycle, enforced across both CRMs (issue 4).
-- Per link: the reason of the current stage (disqualified/recycled need one), what each CRM showed
-- at the last sync (a side only "moved" when its reading changed since then), when sales last
-- touched the record (owner change, status change, activity: what ends "MQL not accepted"),
-- and the owner's email (alerts go to people, not user ids).
ALTER TABLE lifecycle_state ADD COLUMN stage_reason VARCHAR(500);
ALTER TABLE lifecycle_state ADD COLUMN hubspot_stage VARCHAR(64);
ALTER TABLE lifecycle_state ADD COLUMN salesforce_stage VARCHAR(64);
ALTER TABLE lifecycle_state ADD COLUMN touched_at TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE lifecycle_state ADD COLUMN owner_email VARCHAR(320);

-- A move the policy refused (e.g. backward in one CRM) is audited too, with why in reason.
ALTER TABLE lifecycle_event ADD COLUMN outcome VARCHAR(16) DEFAULT 'MOVED' NOT NULL;
ALTER TABLE lifecycle_event ADD CONSTRAINT ck_lifecycle_event_outcome CHECK (outcome IN ('MOVED', 'REFUSED'));

-- A Contact that came from converting a Lead shows the stage conversion means (sql by default);
-- Salesforce keeps that only on the Lead, so the link remembers which Lead it was handed over from.
ALTER TABLE record_link ADD COLUMN converted_lead_id VARCHAR(32);
