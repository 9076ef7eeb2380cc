-- The server checks who may change a shared row (issue 12): a staff account, what a role may do on a board, a column's
-- limit. Before, any member of hsc_desktop could put any such row on the server (a modified desktop could give an
-- account the administrator's role). Now the event's actor must hold, on the server, the right the desktops check
-- before they make the change (RoleRightsAdmin, ColumnLimits, SignInService):
--   role rights   - an administrator;
--   column limit  - whoever may edit the board's cards: their role's rights on it (an administrator's change of those
--                   rights if there is one, else the role's defaults, which the set-up desktop stores here);
--   account       - an administrator, or the account's own person changing their password, failed sign-ins or lock
--                   (never their role or name);
--   the console   - (the set-up upload) only while the server holds nothing but this desktop's set-up events.
-- The actor is who the desktop says made the change: the server knows people only through the accounts it holds, so
-- this stops a desktop that sends a change under a name without the right, not one that lies about who made it
-- (each event still records the desktop's server role that sent it).

-- Each role's rights on each board when no administrator has changed them (the console's RoleDefaults), in the shape
-- a role_rights row has in hsc.shared.
CREATE TABLE hsc.role_default (
    role        TEXT  NOT NULL,
    workflow_id TEXT  NOT NULL,
    data        JSONB NOT NULL,
    PRIMARY KEY (role, workflow_id)
);

-- Replaces the roles' default rights (the set-up user only; not granted to desktops).
CREATE FUNCTION hsc.define_roles(p JSONB) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$
BEGIN
    PERFORM 1 FROM head WHERE id = 1 FOR UPDATE;
    DELETE FROM role_default;
    INSERT INTO role_default (role, workflow_id, data)
        SELECT r->>'role', r->>'workflow_id', r FROM jsonb_array_elements(p) AS t(r);
END
$$;

-- Why the event's actor may not make its change of a shared row, as a refusal; null when they may.
CREATE FUNCTION hsc.shared_refusal(p JSONB) RETURNS JSONB
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$
DECLARE
    v_actor TEXT := p->>'actor';
    v_kind  TEXT := p->'shared'->>'kind';
    v_key   TEXT := p->'shared'->>'key';
    v_role  TEXT;
    v_board TEXT;
    v_why   TEXT;
BEGIN
    IF jsonb_typeof(p->'shared') IS DISTINCT FROM 'object' OR v_kind IS NULL OR v_key IS NULL THEN
        v_why := 'A change of a shared row needs the row''s kind and key.';
    ELSIF v_kind NOT IN ('account', 'role_rights', 'column_limit') THEN
        v_why := 'The server keeps no shared rows of kind ' || v_kind || '.';
    ELSIF v_actor = 'console' THEN
        IF EXISTS (SELECT 1 FROM card) OR EXISTS (SELECT 1 FROM event WHERE desktop <> session_user) THEN
            v_why := 'The console itself may only change a shared row while it sets a new server up; '
                     || 'a change made since names the person who made it.';
        END IF;
    ELSE
        SELECT data->>'role' INTO v_role FROM shared WHERE kind = 'account' AND key = v_actor;
        IF v_role IS NULL THEN
            v_why := coalesce(v_actor, 'The change''s maker') || ' has no account on the server, so may not change '
                     || replace(v_kind, '_', ' ') || ' ' || v_key || '.';
        ELSIF v_role = 'ADMINISTRATOR' THEN
            v_why := NULL; -- may change any account, rights and limit
        ELSIF v_kind = 'role_rights' THEN
            v_why := 'Only an administrator can change what a role may do; ' || v_actor || ' is not one on the server.';
        ELSIF v_kind = 'column_limit' THEN
            v_board := split_part(v_key, '/', 1);
            IF coalesce((SELECT data FROM shared WHERE kind = 'role_rights' AND key = v_role || '/' || v_board),
                        (SELECT data FROM role_default WHERE role = v_role AND workflow_id = v_board))->>'edit'
               IS DISTINCT FROM 'true' THEN
                v_why := v_actor || ' may not edit cards on ' || v_board || ', so may not set its columns'' limits.';
            END IF;
        ELSIF v_actor IS DISTINCT FROM v_key THEN
            v_why := 'Only an administrator may change another person''s account; ' || v_actor || ' is not one on the server.';
        ELSIF p->'shared'->'data'->>'role' IS DISTINCT FROM v_role
              OR p->'shared'->'data'->>'username' IS DISTINCT FROM v_key THEN
            v_why := 'Only an administrator may change an account''s role or name.';
        END IF;
    END IF;
    RETURN CASE WHEN v_why IS NULL THEN NULL ELSE jsonb_build_object('status', 'refused', 'reason', v_why) END;
END
$$;

-- One event (see V1): now with the check above for a change of a shared row.
CREATE OR REPLACE FUNCTION hsc.accept(p JSONB) RETURNS JSONB
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

    IF v_kind = 'SHARED' OR p ? 'shared' THEN
        v_verdict := shared_refusal(p);
    END IF;

    IF v_verdict IS NULL AND v_kind IN ('CREATE', 'UPLOAD', 'MOVE', 'EDIT', 'REORDER') THEN
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


-- One shared row as the server holds it (null: it has none), for a desktop whose change of it the server refused: the
-- desktop takes the server's row back, as it takes the server's copy of a card.
CREATE FUNCTION hsc.shared_row(p_kind TEXT, p_key TEXT) RETURNS TEXT
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT data::TEXT FROM shared WHERE kind = p_kind AND key = p_key $$;

CREATE OR REPLACE FUNCTION hsc.schema_version() RETURNS INTEGER
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT 4 $$;

REVOKE ALL ON hsc.role_default FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION hsc.define_roles(JSONB), hsc.shared_refusal(JSONB) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION hsc.shared_row(TEXT, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hsc.shared_row(TEXT, TEXT) TO hsc_desktop;
