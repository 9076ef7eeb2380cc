-- Pushing a batch set-based (issue 12: 10,000 events under 2 s). hsc.push_all keeps its name, its argument and its
-- answers, but no longer runs hsc.accept once per event: a run of events that need no more than the usual checks
-- (new event ids, a card's changes starting where the previous one left it, a move along a stored transition) is
-- checked and applied by a few statements over the whole run (hsc.accept_run); anything else (a retried event, a
-- conflict, a refusal, a shared row, whose sender's rights are checked one by one) goes through hsc.accept exactly
-- as before. The guarantees do not change: the head row is locked for the whole transaction (one order, final at
-- commit), every accepted event is hash-chained in that order, a retried event answers as it did the first time.

-- The fields of a card's events merged in order, as hsc.accept merges them one event at a time (data || card).
CREATE AGGREGATE hsc.merge_fields(JSONB) (SFUNC = jsonb_concat, STYPE = JSONB, INITCOND = '{}');

-- Checks the events of p from index p_from (0-based) on and, when the first of them passes the usual checks without
-- needing one-by-one treatment, applies the longest run of such events: the answers of that run ("accepted", in
-- order). When the first needs one-by-one treatment (hsc.accept), nothing is applied and the answer is the number of
-- events from p_from on that do, as {"one_by_one": n}. The caller holds the head row's lock.
CREATE FUNCTION hsc.accept_run(p JSONB, p_from INTEGER) RETURNS JSONB
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$
DECLARE
    v_uuid    CONSTANT TEXT := '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
    v_number  CONSTANT TEXT := '^-?[0-9]{1,18}$';
    v_head    head%ROWTYPE;
    v_events  JSONB[];
    v_ids     UUID[];
    v_uids    UUID[];
    v_kinds   TEXT[];
    v_first   BOOLEAN;
    v_others  INTEGER;
    v_k       INTEGER;
    v_seqs    BIGINT[];
    v_bodies  TEXT[];
    v_prevs   TEXT[];
    v_hashes  TEXT[];
    v_hash    TEXT;
    v_now     TIMESTAMPTZ := now();
BEGIN
    SELECT * INTO v_head FROM head WHERE id = 1;

    -- every remaining event with whether it passes assuming every event before it in the batch was accepted; the run
    -- is the events before the first that does not, so that assumption holds for each event in it
    WITH e AS (
        SELECT o::INTEGER AS i, x,
               x->>'kind' AS kind,
               CASE WHEN x->>'event_id' ~ v_uuid THEN (x->>'event_id')::UUID END AS id,
               CASE WHEN x->>'card_uid' ~ v_uuid THEN (x->>'card_uid')::UUID END AS uid,
               coalesce(jsonb_typeof(x->'card_uid'), 'null') <> 'null' AND NOT (x->>'card_uid' ~ v_uuid) AS bad_uid,
               x->>'kind' IN ('MOVE', 'EDIT', 'REORDER') AS change
        FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, o)
        WHERE o > p_from
    ), c AS (
        SELECT e.*,
               k.uid IS NOT NULL AS known, k.workflow_id AS k_workflow,
               -- where a change starts if every change of the card before it in the batch was accepted
               coalesce(lag(e.x->>'to_state') OVER card_changes, k.state) AS exp_from,
               k.version + row_number() OVER card_changes - 1 AS exp_version,
               count(*) OVER (PARTITION BY e.id ORDER BY e.i) AS id_seen,
               count(*) FILTER (WHERE e.kind IN ('CREATE', 'UPLOAD')) OVER (PARTITION BY e.uid ORDER BY e.i) AS made_seen
        FROM e LEFT JOIN card k ON k.uid = e.uid
        WINDOW card_changes AS (PARTITION BY e.uid, e.change ORDER BY e.i)
    ), s AS (
        SELECT c.i, c.x, c.id, c.uid, c.kind,
               (c.id IS NOT NULL AND c.kind IS NOT NULL AND c.kind <> 'SHARED' AND NOT c.bad_uid AND NOT (c.x ? 'shared')
                AND c.id_seen = 1
                AND NOT EXISTS (SELECT 1 FROM event v WHERE v.event_id = c.id)
                AND NOT EXISTS (SELECT 1 FROM rejected rj WHERE rj.event_id = c.id)
                AND CASE
                    WHEN c.kind IN ('CREATE', 'UPLOAD') THEN
                        c.uid IS NOT NULL AND jsonb_typeof(c.x->'card') = 'object' AND NOT c.known AND c.made_seen = 1
                        AND coalesce(c.x->>'version', '0') ~ v_number
                        AND EXISTS (SELECT 1 FROM workflow_state ws WHERE ws.workflow_id = c.x->>'workflow_id'
                                                                      AND ws.state = c.x->>'to_state')
                        AND (c.kind = 'UPLOAD' OR EXISTS (SELECT 1 FROM workflow w WHERE w.workflow_id = c.x->>'workflow_id'
                                                                                      AND w.initial_state = c.x->>'to_state'))
                    WHEN c.change THEN
                        c.uid IS NOT NULL AND jsonb_typeof(c.x->'card') = 'object' AND c.known
                        AND c.k_workflow = c.x->>'workflow_id'
                        AND c.exp_from = c.x->>'from_state'
                        AND coalesce(c.x->>'base_version', '') ~ v_number
                        AND c.exp_version = (CASE WHEN c.x->>'base_version' ~ v_number THEN (c.x->>'base_version')::BIGINT END)
                        AND CASE WHEN c.kind = 'MOVE'
                                 THEN EXISTS (SELECT 1 FROM transition t WHERE t.workflow_id = c.k_workflow
                                                AND t.from_state = c.exp_from AND t.event = c.x->>'event'
                                                AND t.to_state = c.x->>'to_state')
                                 ELSE c.x->>'to_state' = c.exp_from END
                    ELSE TRUE -- another kind of event (a checklist's tick...): appended as it is, as hsc.accept does
                END) IS TRUE AS simple
        FROM c
    ), r AS (
        SELECT s.*, bool_and(simple) OVER (ORDER BY i) AS in_run,
               bool_or(simple) OVER (ORDER BY i) AS after_run
        FROM s
    )
    SELECT array_agg(x ORDER BY i) FILTER (WHERE in_run), array_agg(id ORDER BY i) FILTER (WHERE in_run),
           array_agg(uid ORDER BY i) FILTER (WHERE in_run), array_agg(kind ORDER BY i) FILTER (WHERE in_run),
           bool_or(in_run AND i = p_from + 1), count(*) FILTER (WHERE NOT after_run)
      INTO v_events, v_ids, v_uids, v_kinds, v_first, v_others
      FROM r;

    IF v_first IS NOT TRUE THEN
        RETURN jsonb_build_object('one_by_one', greatest(v_others, 1));
    END IF;

    -- numbers, bodies and the hash chain, in order
    v_k := array_length(v_events, 1);
    v_hash := v_head.last_hash;
    FOR j IN 1 .. v_k LOOP
        v_seqs[j] := v_head.last_seq + j;
        v_bodies[j] := (v_events[j] || jsonb_build_object('seq', v_seqs[j], 'desktop', session_user, 'accepted_at', v_now))::TEXT;
        v_prevs[j] := v_hash;
        v_hash := encode(sha256(convert_to(v_hash || v_bodies[j], 'UTF8')), 'hex');
        v_hashes[j] := v_hash;
    END LOOP;

    INSERT INTO event (seq, event_id, desktop, kind, card_uid, body, prev_hash, hash)
        SELECT u.seq, u.id, session_user, u.kind, u.uid, u.body, u.prev, u.hash
        FROM unnest(v_seqs, v_ids, v_kinds, v_uids, v_bodies, v_prevs, v_hashes) AS u(seq, id, kind, uid, body, prev, hash);
    UPDATE head SET last_seq = v_seqs[v_k], last_hash = v_hash WHERE id = 1;

    INSERT INTO card (uid, workflow_id, state, version, data, last_seq)
        SELECT u.uid, u.x->>'workflow_id', u.x->>'to_state',
               CASE WHEN u.kind = 'UPLOAD' THEN greatest(coalesce((u.x->>'version')::BIGINT, 0), 0) ELSE 0 END,
               u.x->'card', u.seq
        FROM unnest(v_events, v_kinds, v_uids, v_seqs) AS u(x, kind, uid, seq)
        WHERE u.kind IN ('CREATE', 'UPLOAD');

    -- a card changed several times in the run: its last state, one version per change, its fields merged in order
    UPDATE card k SET state = a.state, version = k.version + a.n, data = k.data || a.fields, last_seq = a.last_seq
        FROM (SELECT u.uid, count(*) AS n, (array_agg(u.x->>'to_state' ORDER BY u.seq DESC))[1] AS state,
                     max(u.seq) AS last_seq, merge_fields(u.x->'card' ORDER BY u.seq) AS fields
              FROM unnest(v_events, v_kinds, v_uids, v_seqs) AS u(x, kind, uid, seq)
              WHERE u.kind IN ('MOVE', 'EDIT', 'REORDER')
              GROUP BY u.uid) a
        WHERE k.uid = a.uid;

    PERFORM pg_notify('hsc_events', v_seqs[v_k]::TEXT);
    RETURN (SELECT jsonb_agg(jsonb_build_object('status', 'accepted', 'seq', u.seq) ORDER BY u.seq) FROM unnest(v_seqs) AS u(seq));
END
$$;

-- Several events in one transaction, in the array's order (a desktop's outbox, up to 1,000 at a time): the answers
-- in the same order. Runs of ordinary events set-based (hsc.accept_run), the others one by one (hsc.accept).
CREATE OR REPLACE FUNCTION hsc.push_all(p JSONB) RETURNS JSONB
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$
DECLARE
    v_n     INTEGER;
    v_done  INTEGER := 0;
    v_run   JSONB;
    answers JSONB := '[]'::JSONB;
BEGIN
    IF jsonb_typeof(p) <> 'array' OR jsonb_array_length(p) > 1000 THEN
        RAISE EXCEPTION 'push_all takes an array of at most 1000 events' USING ERRCODE = '22023';
    END IF;
    v_n := jsonb_array_length(p);
    PERFORM 1 FROM head WHERE id = 1 FOR UPDATE; -- one push at a time, to its commit
    WHILE v_done < v_n LOOP
        v_run := accept_run(p, v_done);
        IF jsonb_typeof(v_run) = 'array' THEN
            answers := answers || v_run;
            v_done := v_done + jsonb_array_length(v_run);
        ELSE
            FOR j IN 1 .. least((v_run->>'one_by_one')::INTEGER, v_n - v_done) LOOP
                answers := answers || jsonb_build_array(accept(p->v_done));
                v_done := v_done + 1;
            END LOOP;
        END IF;
    END LOOP;
    RETURN answers;
END
$$;

CREATE OR REPLACE FUNCTION hsc.schema_version() RETURNS INTEGER
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT 3 $$;

REVOKE EXECUTE ON FUNCTION hsc.accept_run(JSONB, INTEGER), hsc.merge_fields(JSONB) FROM PUBLIC;
