-- Baton's own API calls per system and hour, so the daily allocation (baton.*.api-allocation)
-- survives a restart: the rolling 24 hours are the buckets of the last day. One row per hour,
-- never one per call; rows older than two days are pruned by the repository.
-- Same SQL for H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE api_usage (
    system     VARCHAR(32)                 NOT NULL,
    bucket     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    calls      BIGINT                      NOT NULL,
    CONSTRAINT pk_api_usage PRIMARY KEY (system, bucket),
    CONSTRAINT ck_api_usage_calls CHECK (calls >= 0)
);
