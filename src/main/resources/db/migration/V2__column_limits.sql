-- Work-in-progress limits per column, set by people on the boards: a soft limit turns the column amber,
-- a hard one refuses a move that would exceed it (checked by the card service).
CREATE TABLE column_limit (
    workflow_id VARCHAR(32) NOT NULL,
    state       VARCHAR(64) NOT NULL,
    max_cards   INTEGER     NOT NULL CHECK (max_cards > 0),
    hard        BOOLEAN     NOT NULL,
    PRIMARY KEY (workflow_id, state)
);
