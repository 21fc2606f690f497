-- Dry run (baton.leakage.dry-run: true): alerts are rendered and recorded with the flags they cover,
-- so GET /api/alerts shows what would have gone out, but no mail server is contacted. A DRY_RUN row
-- is never sent or retried, and it counts as coverage: switching dry run off later does not mail
-- those openings and escalations again.
-- Same SQL for H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.

ALTER TABLE alert DROP CONSTRAINT ck_alert_status;
ALTER TABLE alert ADD CONSTRAINT ck_alert_status CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'PARKED', 'DRY_RUN'));

-- A mail may cover two levels of one flag: a person who hears of a flag first seen past the
-- escalation multiple gets one mail at level 2 recording both levels, not a second one at level 1.
ALTER TABLE alert_flag DROP CONSTRAINT pk_alert_flag;
ALTER TABLE alert_flag ADD CONSTRAINT pk_alert_flag PRIMARY KEY (alert_id, flag_id, level);
