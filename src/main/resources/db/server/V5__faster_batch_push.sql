-- hsc.accept_run again, with the same checks, answers and effects as in V3, in less time (issue 12). Measured with
-- ServerPushBenchmark (mvn -Ppush-bench), which times this and V4's side by side and shows each statement's share:
--   * each event's fields are read and its ids tested once, in a materialised first step: in V3 the planner copied the
--     expressions wherever a column was used (sort keys, the join's condition, the checks), so each event's ids were
--     matched against the UUID pattern several times; the pattern itself, three matches an event, was a tenth of the
--     time: when every id casts to a UUID (always, from a desktop) an id is compared with its UUID's usual form instead
--     (the same test: see v_castable), else matched as before;
--   * the window steps sort only the events' few scalar fields, not the events themselves;
--   * the bodies (event || seq, desktop, accepted_at) are built in the same query, so the loop that follows only chains
--     the hashes, in order, as before; the events, numbers and answers come from the batch by position;
--   * its statements keep one generic plan (plan_cache_mode): a custom plan of the classifying query took ~10 ms to
--     make, for each of a session's first five batches.
-- hsc.accept, hsc.push_all and what desktops may execute do not change. A test (SyncBatchSameAnswersTest) pushes the
-- same ordinary and odd batches to a server at V4 and one at this version and finds the same answers and state.

CREATE OR REPLACE FUNCTION hsc.accept_run(p JSONB, p_from INTEGER) RETURNS JSONB
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = hsc, pg_temp SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    v_uuid    CONSTANT TEXT := '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
    v_number  CONSTANT TEXT := '^-?[0-9]{1,18}$';
    v_head    head%ROWTYPE;
    v_bodies  TEXT[];
    v_ids     UUID[];
    v_uids    UUID[];
    v_kinds   TEXT[];
    v_first   BOOLEAN;
    v_others  INTEGER;
    v_k       INTEGER;
    v_hashes  TEXT[];
    v_hash    TEXT;
    v_now     TIMESTAMPTZ := now();
    v_castable BOOLEAN;
BEGIN
    SELECT * INTO v_head FROM head WHERE id = 1;

    -- Matching every id against the UUID pattern took a tenth of the time. When every event_id and card_uid given
    -- casts to a UUID (so always, from a desktop), a text matches the pattern exactly when it is its UUID's usual
    -- form (36 characters, lower case there) in lower case; else each is matched against the pattern, as in V3.
    BEGIN
        PERFORM (x->>'event_id')::UUID, (x->>'card_uid')::UUID
           FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, o) WHERE o > p_from;
        v_castable := TRUE;
    EXCEPTION WHEN invalid_text_representation THEN
        v_castable := FALSE;
    END;

    -- every remaining event with whether it passes assuming every event before it in the batch was accepted; the run
    -- is the events before the first that does not, so that assumption holds for each event in it (as in V3)
    WITH d AS MATERIALIZED (
        SELECT t.o::INTEGER AS i, x->>'kind' AS kind, x->>'workflow_id' AS workflow_id, x->>'from_state' AS from_state,
               x->>'to_state' AS to_state, x->>'event' AS event, x->>'base_version' AS base_version, x->>'version' AS version,
               -- an id in the usual form (the UUID pattern), as a UUID; see v_castable
               CASE WHEN CASE WHEN v_castable THEN (x->>'event_id')::UUID::TEXT = lower(x->>'event_id')
                              ELSE x->>'event_id' ~ v_uuid END
                    THEN (x->>'event_id')::UUID END AS id,
               CASE WHEN CASE WHEN v_castable THEN (x->>'card_uid')::UUID::TEXT = lower(x->>'card_uid')
                              ELSE x->>'card_uid' ~ v_uuid END
                    THEN (x->>'card_uid')::UUID END AS uid,
               coalesce(jsonb_typeof(x->'card_uid'), 'null') <> 'null' AS uid_given,
               x->>'kind' IN ('MOVE', 'EDIT', 'REORDER') AS change,
               x->>'base_version' ~ v_number AS bv_ok,
               jsonb_typeof(x->'card') = 'object' AS card_ok,
               x ? 'shared' AS shared
        FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, o)
        WHERE t.o > p_from
    ), c AS (
        SELECT d.*,
               k.uid IS NOT NULL AS known, k.workflow_id AS k_workflow,
               -- where a change starts if every change of the card before it in the batch was accepted
               coalesce(lag(d.to_state) OVER card_changes, k.state) AS exp_from,
               k.version + row_number() OVER card_changes - 1 AS exp_version,
               count(*) OVER (PARTITION BY d.id ORDER BY d.i) AS id_seen,
               count(*) FILTER (WHERE d.kind IN ('CREATE', 'UPLOAD')) OVER (PARTITION BY d.uid ORDER BY d.i) AS made_seen
        FROM d LEFT JOIN card k ON k.uid = d.uid
        WINDOW card_changes AS (PARTITION BY d.uid, d.change ORDER BY d.i)
    ), s AS (
        SELECT c.i, c.id, c.uid, c.kind,
               (c.id IS NOT NULL AND c.kind IS NOT NULL AND c.kind <> 'SHARED' AND NOT c.shared
                -- no card_uid given that is not a UUID (given, its text is not null: uid is null exactly then)
                AND NOT (c.uid_given AND c.uid IS NULL)
                AND c.id_seen = 1
                AND NOT EXISTS (SELECT 1 FROM event v WHERE v.event_id = c.id)
                AND NOT EXISTS (SELECT 1 FROM rejected rj WHERE rj.event_id = c.id)
                AND CASE
                    WHEN c.kind IN ('CREATE', 'UPLOAD') THEN
                        c.uid IS NOT NULL AND c.card_ok AND NOT c.known AND c.made_seen = 1
                        AND coalesce(c.version, '0') ~ v_number
                        AND EXISTS (SELECT 1 FROM workflow_state ws WHERE ws.workflow_id = c.workflow_id
                                                                      AND ws.state = c.to_state)
                        AND (c.kind = 'UPLOAD' OR EXISTS (SELECT 1 FROM workflow w WHERE w.workflow_id = c.workflow_id
                                                                                      AND w.initial_state = c.to_state))
                    WHEN c.change THEN
                        c.uid IS NOT NULL AND c.card_ok AND c.known
                        AND c.k_workflow = c.workflow_id
                        AND c.exp_from = c.from_state
                        AND coalesce(c.bv_ok, FALSE)
                        AND c.exp_version = (CASE WHEN c.bv_ok THEN c.base_version::BIGINT END)
                        AND CASE WHEN c.kind = 'MOVE'
                                 THEN EXISTS (SELECT 1 FROM transition t WHERE t.workflow_id = c.k_workflow
                                                AND t.from_state = c.exp_from AND t.event = c.event
                                                AND t.to_state = c.to_state)
                                 ELSE c.to_state = c.exp_from END
                    ELSE TRUE -- another kind of event (a checklist's tick...): appended as it is, as hsc.accept does
                END) IS TRUE AS simple
        FROM c
    ), r AS (
        SELECT s.*, bool_and(simple) OVER (ORDER BY i) AS in_run,
               bool_or(simple) OVER (ORDER BY i) AS after_run
        FROM s
    )
    -- the run starts at p_from + 1, so its j-th event (i = p_from + j) gets number last_seq + j
    SELECT array_agg((p->(i - 1) || jsonb_build_object('seq', v_head.last_seq + (i - p_from), 'desktop', session_user,
                                                        'accepted_at', v_now))::TEXT ORDER BY i) FILTER (WHERE in_run),
           array_agg(id ORDER BY i) FILTER (WHERE in_run),
           array_agg(uid ORDER BY i) FILTER (WHERE in_run), array_agg(kind ORDER BY i) FILTER (WHERE in_run),
           bool_or(in_run AND i = p_from + 1), count(*) FILTER (WHERE NOT after_run)
      INTO v_bodies, v_ids, v_uids, v_kinds, v_first, v_others
      FROM r;

    IF v_first IS NOT TRUE THEN
        RETURN jsonb_build_object('one_by_one', greatest(v_others, 1));
    END IF;

    -- the hash chain, in order
    v_k := array_length(v_bodies, 1);
    v_hash := v_head.last_hash;
    FOR j IN 1 .. v_k LOOP
        v_hash := encode(sha256(convert_to(v_hash || v_bodies[j], 'UTF8')), 'hex');
        v_hashes[j] := v_hash;
    END LOOP;

    INSERT INTO event (seq, event_id, desktop, kind, card_uid, body, prev_hash, hash)
        SELECT v_head.last_seq + u.j, u.id, session_user, u.kind, u.uid, u.body,
               CASE WHEN u.j = 1 THEN v_head.last_hash ELSE v_hashes[u.j - 1] END, u.hash
        FROM unnest(v_ids, v_kinds, v_uids, v_bodies, v_hashes) WITH ORDINALITY AS u(id, kind, uid, body, hash, j);
    UPDATE head SET last_seq = v_head.last_seq + v_k, last_hash = v_hash WHERE id = 1;

    INSERT INTO card (uid, workflow_id, state, version, data, last_seq)
        SELECT u.uid, x->>'workflow_id', x->>'to_state',
               CASE WHEN u.kind = 'UPLOAD' THEN greatest(coalesce((x->>'version')::BIGINT, 0), 0) ELSE 0 END,
               x->'card', v_head.last_seq + u.j
        FROM unnest(v_kinds, v_uids) WITH ORDINALITY AS u(kind, uid, j), LATERAL (SELECT p->(p_from + u.j::INTEGER - 1) AS x) AS e
        WHERE u.kind IN ('CREATE', 'UPLOAD');

    -- a card changed several times in the run: its last state, one version per change, its fields merged in order
    UPDATE card k SET state = a.state, version = k.version + a.n, data = k.data || a.fields, last_seq = a.last_seq
        FROM (SELECT u.uid, count(*) AS n,
                     (array_agg(p->(p_from + u.j::INTEGER - 1)->>'to_state' ORDER BY u.j DESC))[1] AS state,
                     v_head.last_seq + max(u.j) AS last_seq,
                     merge_fields(p->(p_from + u.j::INTEGER - 1)->'card' ORDER BY u.j) AS fields
              FROM unnest(v_kinds, v_uids) WITH ORDINALITY AS u(kind, uid, j)
              WHERE u.kind IN ('MOVE', 'EDIT', 'REORDER')
              GROUP BY u.uid) a
        WHERE k.uid = a.uid;

    PERFORM pg_notify('hsc_events', (v_head.last_seq + v_k)::TEXT);
    RETURN (SELECT jsonb_agg(jsonb_build_object('status', 'accepted', 'seq', v_head.last_seq + j) ORDER BY j)
            FROM generate_series(1, v_k) AS j);
END
$$;

CREATE OR REPLACE FUNCTION hsc.schema_version() RETURNS INTEGER
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT 5 $$;

REVOKE EXECUTE ON FUNCTION hsc.accept_run(JSONB, INTEGER) FROM PUBLIC;
