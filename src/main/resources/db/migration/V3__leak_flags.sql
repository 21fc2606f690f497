-- Leak and stale detection (issue 4): what a flag needs for the API, alerts and links into both
-- CRMs without a join: when its SLA ran out, how far past it (level 1 past due, 2 past twice
-- the SLA), the stage it sat in, why (cause), the owner's email, and both systems' ids.
-- last_seen_at is when a scan last found the leak still there: a scan closes the open flags it
-- did not see again (the record left the watched stages, or the leak was fixed).
ALTER TABLE leak_flag ADD COLUMN due_at TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE leak_flag ADD COLUMN level INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE leak_flag ADD COLUMN raised_at TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE leak_flag ADD COLUMN stage VARCHAR(64);
ALTER TABLE leak_flag ADD COLUMN cause VARCHAR(2000);
ALTER TABLE leak_flag ADD COLUMN owner_email VARCHAR(320);
ALTER TABLE leak_flag ADD COLUMN hubspot_id VARCHAR(64);
ALTER TABLE leak_flag ADD COLUMN salesforce_id VARCHAR(32);
ALTER TABLE leak_flag ADD COLUMN salesforce_type VARCHAR(16);
ALTER TABLE leak_flag ADD COLUMN last_seen_at TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE leak_flag ADD CONSTRAINT ck_leak_flag_level CHECK (level IN (1, 2));
CREATE INDEX ix_leak_flag_open ON leak_flag (status, kind, opened_at, id);
