-- The sync server's schema (PostgreSQL 14 or later), migrated by Flyway from the desktop that sets the server up.
-- Desktops never write these tables: they log in as members of the role hsc_desktop, which may only execute the
-- functions below (SECURITY DEFINER, owned by the schema's owner). The functions check every event themselves:
-- a buggy or modified desktop cannot put an illegal move on the server.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hsc_desktop') THEN
        CREATE ROLE hsc_desktop NOLOGIN;
    END IF;
END
$$;

-- The workflows as the desktop that set the server up defined them: every push is checked against these.
CREATE TABLE hsc.workflow (
    workflow_id   TEXT PRIMARY KEY,
    initial_state TEXT NOT NULL,
    digest        TEXT NOT NULL
);

CREATE TABLE hsc.workflow_state (
    workflow_id TEXT NOT NULL REFERENCES hsc.workflow (workflow_id),
    state       TEXT NOT NULL,
    PRIMARY KEY (workflow_id, state)
);

CREATE TABLE hsc.transition (
    workflow_id TEXT NOT NULL REFERENCES hsc.workflow (workflow_id),
    from_state  TEXT NOT NULL,
    event       TEXT NOT NULL,
    to_state    TEXT NOT NULL,
    PRIMARY KEY (workflow_id, from_state, event)
);

-- The server's copy of every card: its state and version decide whether a push is a conflict.
CREATE TABLE hsc.card (
    uid         UUID PRIMARY KEY,
    workflow_id TEXT   NOT NULL REFERENCES hsc.workflow (workflow_id),
    state       TEXT   NOT NULL,
    version     BIGINT NOT NULL,
    data        JSONB  NOT NULL,
    last_seq    BIGINT NOT NULL
);

-- Shared rows that are not cards (staff accounts, role rights, column limits, checklist tasks), each the latest
-- value its events gave it; a null value is a removed row.
CREATE TABLE hsc.shared (
    kind     TEXT   NOT NULL,
    key      TEXT   NOT NULL,
    data     JSONB,
    last_seq BIGINT NOT NULL,
    PRIMARY KEY (kind, key)
);

-- The accepted events, in the one order every desktop applies them, hash-chained: each hash covers the previous
-- hash and the event's body (the exact text the desktops read).
CREATE TABLE hsc.event (
    seq       BIGINT PRIMARY KEY,
    event_id  UUID   NOT NULL UNIQUE,
    desktop   TEXT   NOT NULL,
    kind      TEXT   NOT NULL,
    card_uid  UUID,
    body      TEXT   NOT NULL,
    prev_hash TEXT   NOT NULL,
    hash      TEXT   NOT NULL
);

CREATE INDEX event_card ON hsc.event (card_uid, seq);

-- The chain's head, locked by every push: pushes are serialised, so an event's number is final at its commit and a
-- desktop that reads "everything after N" never skips one that commits later with a smaller number.
CREATE TABLE hsc.head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT NOT NULL,
    last_hash TEXT   NOT NULL
);
INSERT INTO hsc.head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Events the server did not accept (conflicts, illegal moves), kept with the answer given, so a retried push gets the
-- same answer and nothing is silently dropped.
CREATE TABLE hsc.rejected (
    event_id    UUID PRIMARY KEY,
    desktop     TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    event       JSONB       NOT NULL,
    verdict     JSONB       NOT NULL
);

-- The server's schema version, for desktops (which cannot read Flyway's history table).
CREATE FUNCTION hsc.schema_version() RETURNS INTEGER
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT 1 $$;

-- Replaces the workflow definitions (only while the server holds no card of a workflow whose transitions change).
-- Owner only: not granted to desktops.
CREATE FUNCTION hsc.define_workflows(p JSONB) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$
DECLARE
    w JSONB;
    s JSONB;
    t JSONB;
BEGIN
    PERFORM 1 FROM head WHERE id = 1 FOR UPDATE;
    FOR w IN SELECT * FROM jsonb_array_elements(p) LOOP
        IF EXISTS (SELECT 1 FROM workflow WHERE workflow_id = w->>'id' AND digest <> w->>'digest')
           AND EXISTS (SELECT 1 FROM card WHERE workflow_id = w->>'id') THEN
            RAISE EXCEPTION 'The server already holds cards of % under another definition of it', w->>'id'
                USING ERRCODE = 'P0001';
        END IF;
        DELETE FROM transition WHERE workflow_id = w->>'id';
        DELETE FROM workflow_state WHERE workflow_id = w->>'id';
        INSERT INTO workflow (workflow_id, initial_state, digest) VALUES (w->>'id', w->>'initial', w->>'digest')
            ON CONFLICT (workflow_id) DO UPDATE SET initial_state = EXCLUDED.initial_state, digest = EXCLUDED.digest;
        FOR s IN SELECT * FROM jsonb_array_elements(w->'states') LOOP
            INSERT INTO workflow_state VALUES (w->>'id', s #>> '{}');
        END LOOP;
        FOR t IN SELECT * FROM jsonb_array_elements(w->'transitions') LOOP
            INSERT INTO transition VALUES (w->>'id', t->>'from', t->>'event', t->>'to');
        END LOOP;
    END LOOP;
END
$$;

-- What the desktops compare their own definitions with before they sync.
CREATE FUNCTION hsc.workflow_digests() RETURNS TABLE (workflow_id TEXT, digest TEXT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT workflow_id, digest FROM workflow ORDER BY workflow_id $$;

-- Takes one event from a desktop. Answers {"status": "accepted"|"duplicate"|"conflict"|"refused", ...}:
--   accepted  - appended to the log as number "seq";
--   duplicate - the same event_id was accepted before (a retried push is harmless);
--   conflict  - the card is no longer where the event started from ("card" is the server's copy, "last" the event
--               that changed it last);
--   refused   - the event is not legal on the server ("reason" says why).
-- A conflict or refusal is kept in hsc.rejected and given again to a retry.
CREATE FUNCTION hsc.accept(p JSONB) RETURNS JSONB
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$
DECLARE
    v_id      UUID;
    v_kind    TEXT := p->>'kind';
    v_uid     UUID;
    v_head    head%ROWTYPE;
    v_card    card%ROWTYPE;
    v_seq     BIGINT;
    v_found   BIGINT;
    v_verdict JSONB;
    v_body    TEXT;
    v_hash    TEXT;
    v_version BIGINT;
    v_last    TEXT;
BEGIN
    BEGIN
        v_id := (p->>'event_id')::UUID;
        v_uid := (p->>'card_uid')::UUID;
    EXCEPTION WHEN invalid_text_representation THEN
        RETURN jsonb_build_object('status', 'refused', 'reason', 'The event''s id or card id is not a UUID.');
    END;
    IF v_id IS NULL OR v_kind IS NULL THEN
        RETURN jsonb_build_object('status', 'refused', 'reason', 'An event needs an event_id and a kind.');
    END IF;

    SELECT * INTO v_head FROM head WHERE id = 1 FOR UPDATE; -- one push at a time, to its commit

    SELECT seq INTO v_found FROM event WHERE event_id = v_id;
    IF FOUND THEN
        RETURN jsonb_build_object('status', 'duplicate', 'seq', v_found);
    END IF;
    SELECT verdict INTO v_verdict FROM rejected WHERE event_id = v_id;
    IF FOUND THEN
        RETURN v_verdict;
    END IF;

    IF v_kind IN ('CREATE', 'UPLOAD', 'MOVE', 'EDIT', 'REORDER') THEN
        IF v_uid IS NULL OR p->'card' IS NULL OR jsonb_typeof(p->'card') <> 'object' THEN
            v_verdict := jsonb_build_object('status', 'refused', 'reason', 'A card event needs card_uid and the card''s data.');
        ELSE
            SELECT * INTO v_card FROM card WHERE uid = v_uid FOR UPDATE;
            IF v_kind IN ('CREATE', 'UPLOAD') THEN
                IF FOUND THEN
                    v_verdict := jsonb_build_object('status', 'refused', 'reason', 'The server already has this card.');
                ELSIF NOT EXISTS (SELECT 1 FROM workflow WHERE workflow_id = p->>'workflow_id') THEN
                    v_verdict := jsonb_build_object('status', 'refused', 'reason',
                                                    'The server has no workflow ' || coalesce(p->>'workflow_id', '(none)') || '.');
                ELSIF v_kind = 'CREATE' AND (SELECT initial_state FROM workflow WHERE workflow_id = p->>'workflow_id')
                                            IS DISTINCT FROM p->>'to_state' THEN
                    v_verdict := jsonb_build_object('status', 'refused', 'reason',
                                                    'A new card starts in its workflow''s first state, not in ' || coalesce(p->>'to_state', '(none)') || '.');
                ELSIF NOT EXISTS (SELECT 1 FROM workflow_state WHERE workflow_id = p->>'workflow_id' AND state = p->>'to_state') THEN
                    v_verdict := jsonb_build_object('status', 'refused', 'reason',
                                                    'The workflow has no state ' || coalesce(p->>'to_state', '(none)') || '.');
                END IF;
            ELSIF NOT FOUND THEN
                v_verdict := jsonb_build_object('status', 'refused', 'reason', 'The server has no such card.');
            ELSIF v_card.workflow_id IS DISTINCT FROM p->>'workflow_id'
                  OR v_card.state IS DISTINCT FROM p->>'from_state'
                  OR v_card.version IS DISTINCT FROM (p->>'base_version')::BIGINT THEN
                SELECT body INTO v_last FROM event WHERE seq = v_card.last_seq;
                v_verdict := jsonb_build_object('status', 'conflict',
                                                'card', jsonb_build_object('uid', v_card.uid, 'workflow_id', v_card.workflow_id,
                                                                           'state', v_card.state, 'version', v_card.version,
                                                                           'data', v_card.data),
                                                'last', v_last::JSONB);
            ELSIF v_kind = 'MOVE' AND NOT EXISTS (SELECT 1 FROM transition
                                                  WHERE workflow_id = v_card.workflow_id AND from_state = v_card.state
                                                    AND event = p->>'event' AND to_state = p->>'to_state') THEN
                v_verdict := jsonb_build_object('status', 'refused', 'reason',
                                                'No transition ' || coalesce(p->>'event', '(none)') || ' leads from '
                                                || v_card.state || ' to ' || coalesce(p->>'to_state', '(none)') || '.');
            ELSIF v_kind <> 'MOVE' AND v_card.state IS DISTINCT FROM p->>'to_state' THEN
                v_verdict := jsonb_build_object('status', 'refused', 'reason', 'Only a move changes a card''s state.');
            END IF;
        END IF;
    END IF;

    IF v_verdict IS NOT NULL THEN
        INSERT INTO rejected (event_id, desktop, received_at, event, verdict) VALUES (v_id, session_user, now(), p, v_verdict);
        RETURN v_verdict;
    END IF;

    v_seq := v_head.last_seq + 1;
    v_body := (p || jsonb_build_object('seq', v_seq, 'desktop', session_user, 'accepted_at', now()))::TEXT;
    v_hash := encode(sha256(convert_to(v_head.last_hash || v_body, 'UTF8')), 'hex');
    INSERT INTO event (seq, event_id, desktop, kind, card_uid, body, prev_hash, hash)
        VALUES (v_seq, v_id, session_user, v_kind, v_uid, v_body, v_head.last_hash, v_hash);
    UPDATE head SET last_seq = v_seq, last_hash = v_hash WHERE id = 1;

    IF v_kind IN ('CREATE', 'UPLOAD') THEN
        v_version := CASE WHEN v_kind = 'UPLOAD' THEN coalesce((p->>'version')::BIGINT, 0) ELSE 0 END;
        IF v_version < 0 THEN
            v_version := 0;
        END IF;
        INSERT INTO card (uid, workflow_id, state, version, data, last_seq)
            VALUES (v_uid, p->>'workflow_id', p->>'to_state', v_version, p->'card', v_seq);
    ELSIF v_kind IN ('MOVE', 'EDIT', 'REORDER') THEN
        -- the event carries the fields it changed: the server's copy is the card's fields merged event by event
        UPDATE card SET state = p->>'to_state', version = version + 1, data = data || (p->'card'), last_seq = v_seq
            WHERE uid = v_uid;
    END IF;
    IF p ? 'shared' AND jsonb_typeof(p->'shared') = 'object' THEN
        INSERT INTO shared (kind, key, data, last_seq)
            VALUES (p->'shared'->>'kind', p->'shared'->>'key', p->'shared'->'data', v_seq)
            ON CONFLICT (kind, key) DO UPDATE SET data = EXCLUDED.data, last_seq = EXCLUDED.last_seq;
    END IF;

    PERFORM pg_notify('hsc_events', v_seq::TEXT);
    RETURN jsonb_build_object('status', 'accepted', 'seq', v_seq);
END
$$;

-- One event (see hsc.accept).
CREATE FUNCTION hsc.push(p JSONB) RETURNS JSONB
    LANGUAGE sql SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT hsc.accept(p) $$;

-- Several events in one transaction, in the array's order (a desktop's outbox, up to 1,000 at a time): the answers
-- in the same order.
CREATE FUNCTION hsc.push_all(p JSONB) RETURNS JSONB
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$
DECLARE
    e       JSONB;
    answers JSONB := '[]'::JSONB;
BEGIN
    IF jsonb_typeof(p) <> 'array' OR jsonb_array_length(p) > 1000 THEN
        RAISE EXCEPTION 'push_all takes an array of at most 1000 events' USING ERRCODE = '22023';
    END IF;
    FOR e IN SELECT * FROM jsonb_array_elements(p) LOOP
        answers := answers || jsonb_build_array(hsc.accept(e));
    END LOOP;
    RETURN answers;
END
$$;

-- The accepted events after number p_after, in order, at most p_limit of them.
CREATE FUNCTION hsc.pull(p_after BIGINT, p_limit INTEGER)
    RETURNS TABLE (seq BIGINT, body TEXT, prev_hash TEXT, hash TEXT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT seq, body, prev_hash, hash FROM event WHERE seq > p_after ORDER BY seq LIMIT least(p_limit, 10000) $$;

-- The chain's head: how many events and the last hash.
CREATE FUNCTION hsc.head() RETURNS TABLE (last_seq BIGINT, last_hash TEXT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT last_seq, last_hash FROM head WHERE id = 1 $$;

-- The server's cards after uid p_after (in uid order), for a desktop that joins: read with the head in one
-- REPEATABLE READ transaction, they are the state as of that head.
CREATE FUNCTION hsc.cards(p_after UUID, p_limit INTEGER)
    RETURNS TABLE (uid UUID, workflow_id TEXT, state TEXT, version BIGINT, data TEXT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT uid, workflow_id, state, version, data::TEXT FROM card
      WHERE p_after IS NULL OR uid > p_after ORDER BY uid LIMIT least(p_limit, 10000) $$;

-- The shared rows that are not cards, for a desktop that joins.
CREATE FUNCTION hsc.shared_rows() RETURNS TABLE (kind TEXT, key TEXT, data TEXT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT kind, key, data::TEXT FROM shared WHERE data IS NOT NULL ORDER BY kind, key $$;

-- Desktops may run these functions, and nothing else.
REVOKE ALL ON SCHEMA hsc FROM PUBLIC;
GRANT USAGE ON SCHEMA hsc TO hsc_desktop;
REVOKE ALL ON ALL TABLES IN SCHEMA hsc FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA hsc FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hsc.schema_version(), hsc.workflow_digests(), hsc.push(JSONB), hsc.push_all(JSONB), hsc.pull(BIGINT, INTEGER),
    hsc.head(), hsc.cards(UUID, INTEGER), hsc.shared_rows() TO hsc_desktop;
