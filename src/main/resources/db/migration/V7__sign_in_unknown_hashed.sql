-- Names tried at sign-in that have no account were kept in clear (V4): often a mistyped name, sometimes a
-- password typed into the name field. From now on only a slow hash of the name is kept (PBKDF2-HMAC-SHA256 as
-- for passwords, with this database's salt below): it still counts and locks such a name exactly as an
-- account's failures are, so that an unknown name keeps getting the answers a wrong password gets.
-- Clear names cannot be hashed in SQL: the old rows are dropped, which forgets, once, the failures of names
-- being tried when the console was updated. (Named V7: V6 may be taken by another change.)
DROP TABLE sign_in_unknown;
CREATE TABLE sign_in_unknown (
    name_hash       VARCHAR(64) NOT NULL PRIMARY KEY,
    failed_attempts INTEGER     NOT NULL,
    locked_until    TIMESTAMP(6) WITH TIME ZONE
);

-- One row: the salt and iteration count of those hashes, made by the console the first time it needs them.
CREATE TABLE sign_in_name_salt (
    id         INTEGER     NOT NULL PRIMARY KEY,
    salt       VARCHAR(64),
    iterations INTEGER
);
INSERT INTO sign_in_name_salt (id, salt, iterations) VALUES (1, NULL, NULL);
