-- Round-robin handoff (lifecycle.yml handoff.assign: round-robin): the next turn per rotation,
-- kept in the store so a restart does not give the first rep every lead again.
CREATE TABLE handoff_rotation (
    name        VARCHAR(64)                 NOT NULL,
    next_turn   BIGINT                      NOT NULL,
    updated_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_handoff_rotation PRIMARY KEY (name)
);
