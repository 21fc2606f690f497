-- Dead letters that retry, park and replay. A RETRIABLE failure is retried with a growing delay
-- (baton.dead-letters.*) until max-attempts, then PARKED: kept, listed and replayable, but not
-- retried automatically. A PARKED letter is still the record's one unresolved letter per stream,
-- so it keeps its open_key: a later failure counts on it, a later clean sync closes it.
-- error_code is the API's own code (INVALID_EMAIL_ADDRESS, UNABLE_TO_LOCK_ROW, ...) for filtering.
-- Same SQL for H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.

ALTER TABLE dead_letter ADD COLUMN error_code VARCHAR(100);

ALTER TABLE dead_letter DROP CONSTRAINT ck_dead_letter_status;
ALTER TABLE dead_letter ADD CONSTRAINT ck_dead_letter_status
    CHECK (status IN ('OPEN', 'PARKED', 'REPLAYED', 'DISCARDED'));

ALTER TABLE dead_letter DROP CONSTRAINT ck_dead_letter_open_key;
ALTER TABLE dead_letter ADD CONSTRAINT ck_dead_letter_open_key
    CHECK ((status IN ('OPEN', 'PARKED')) = (open_key IS NOT NULL));

CREATE INDEX ix_dead_letter_status_class ON dead_letter (status, error_category);
