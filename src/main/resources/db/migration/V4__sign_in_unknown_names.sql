-- Failed sign-ins under user names that have no account, counted and locked exactly as an account's are
-- (staff_member.failed_attempts / locked_until), so that the console's answers never reveal which names exist.
CREATE TABLE sign_in_unknown (
    username        VARCHAR(60) NOT NULL PRIMARY KEY,
    failed_attempts INTEGER     NOT NULL,
    locked_until    TIMESTAMP(6) WITH TIME ZONE
);
