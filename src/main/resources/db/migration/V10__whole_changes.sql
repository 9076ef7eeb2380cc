-- A change's outbox payload (its typed values as JSON, the note included) and its audit details (what it did to
-- every field) are kept whole: 8,000 characters could be overflowed by an allowed note with long fields (a failed
-- change with a database error instead of a sentence) or silently cut in the audit trail. 1,000,000 is H2's largest
-- text; the change pipeline refuses, with a sentence, a change that would not fit even this.
ALTER TABLE outbox_event ALTER COLUMN payload SET DATA TYPE VARCHAR(1000000);
ALTER TABLE audit_entry ALTER COLUMN details SET DATA TYPE VARCHAR(1000000);
