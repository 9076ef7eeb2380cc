-- Staff sign-in (PBKDF2 hashes, lockout) and rights: per-role rights an administrator has changed from the
-- defaults, and what an approved permission request granted.

ALTER TABLE staff_member ADD COLUMN password_hash VARCHAR(128);
ALTER TABLE staff_member ADD COLUMN password_salt VARCHAR(64);
ALTER TABLE staff_member ADD COLUMN password_iterations INTEGER;
ALTER TABLE staff_member ADD COLUMN failed_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE staff_member ADD COLUMN locked_until TIMESTAMP(6) WITH TIME ZONE;

-- A row here replaces the role's default rights on that board.
CREATE TABLE role_right (
    role        VARCHAR(20)   NOT NULL,
    workflow_id VARCHAR(32)   NOT NULL,
    can_view    BOOLEAN       NOT NULL,
    can_create  BOOLEAN       NOT NULL,
    can_edit    BOOLEAN       NOT NULL,
    events      VARCHAR(2000) NOT NULL,
    PRIMARY KEY (role, workflow_id)
);

-- What permissions_configured set up from the request (in force while the request is active, under audit or
-- being modified; cleared on revocation).
ALTER TABLE card ADD COLUMN granted_role VARCHAR(20);
ALTER TABLE card ADD COLUMN granted_scopes VARCHAR(500);
