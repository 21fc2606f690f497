-- Alerts become an outbox: a mail is rendered and stored (PENDING) before it is sent, so a crash or
-- an SMTP outage never loses one. A failed send is kept (FAILED) and retried at next_attempt_at with
-- a growing delay until the attempts run out (PARKED). next_attempt_at doubles as a lease: a sender
-- claims a row by moving it forward, so the immediate send and the retry timer never both send it.
-- Same SQL for H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.

ALTER TABLE alert ADD COLUMN digest VARCHAR(100);
ALTER TABLE alert ADD COLUMN text_body VARCHAR;
ALTER TABLE alert ADD COLUMN html_body VARCHAR;
ALTER TABLE alert ADD COLUMN created_at TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE alert ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE alert ADD COLUMN next_attempt_at TIMESTAMP(3) WITH TIME ZONE;

-- Rows from before the outbox were stored when sent (or when the send failed).
UPDATE alert SET created_at = sent_at, attempts = 1;
UPDATE alert SET sent_at = NULL WHERE status <> 'SENT';
ALTER TABLE alert ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE alert ALTER COLUMN sent_at DROP NOT NULL;

ALTER TABLE alert DROP CONSTRAINT ck_alert_status;
ALTER TABLE alert ADD CONSTRAINT ck_alert_status CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'PARKED'));
ALTER TABLE alert ADD CONSTRAINT ck_alert_digest CHECK ((kind = 'DIGEST') = (digest IS NOT NULL));
ALTER TABLE alert ADD CONSTRAINT ck_alert_sent CHECK ((status = 'SENT') = (sent_at IS NOT NULL));

CREATE INDEX ix_alert_created ON alert (created_at);
CREATE INDEX ix_alert_status_next ON alert (status, next_attempt_at);

-- Which level of each flag an alert covered: 1 = open past its SLA, 2 = past the escalation
-- multiple of it. An escalation is mailed once per (flag, level).
ALTER TABLE alert_flag ADD COLUMN level INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE alert_flag ADD CONSTRAINT ck_alert_flag_level CHECK (level IN (1, 2));

-- The last cron tick each digest was sent for, so a tick is sent once and a missed one once.
CREATE TABLE digest_run (
    digest     VARCHAR(100)                NOT NULL,
    last_tick  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    ran_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_digest_run PRIMARY KEY (digest)
);
