-- A change built on a change of the same push that the server did not take is not taken either (issue 12). A desktop
-- that edited a card twice while offline sends both edits in one push; when the first loses to another desktop's
-- change, the second still names the version the first made, and another desktop's single change makes the same
-- number on the server: taken, it would put this desktop's second edit on top of the other desktop's change as if
-- it had been made there. Within one push, a desktop's later change of a card always builds on its earlier one (a
-- desktop takes the server's copy of a card in the same local transaction as it marks its lost changes, so a change
-- made on the copy is never in one push with them), so push_all answers each later change of that card with the same conflict, kept among the rejected events
-- so that a retried push answers as the first time. Changes of the card in a later push the desktop marks lost
-- itself when it takes the server's copy.

-- A change of a card whose earlier change in the same push was not taken: the conflict, with the server's copy.
CREATE FUNCTION hsc.lost_with_earlier(p JSONB) RETURNS JSONB
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$
DECLARE
    v_id      UUID := (p->>'event_id')::UUID; -- push_all calls this only for events with a valid id and card uid
    v_card    card%ROWTYPE;
    v_found   BIGINT;
    v_verdict JSONB;
    v_last    TEXT;
BEGIN
    SELECT seq INTO v_found FROM event WHERE event_id = v_id;
    IF FOUND THEN
        RETURN jsonb_build_object('status', 'duplicate', 'seq', v_found);
    END IF;
    SELECT verdict INTO v_verdict FROM rejected WHERE event_id = v_id;
    IF FOUND THEN
        RETURN v_verdict;
    END IF;
    SELECT * INTO v_card FROM card WHERE uid = (p->>'card_uid')::UUID;
    IF FOUND THEN
        SELECT body INTO v_last FROM event WHERE seq = v_card.last_seq;
        v_verdict := jsonb_build_object('status', 'conflict',
                                        'card', jsonb_build_object('uid', v_card.uid, 'workflow_id', v_card.workflow_id,
                                                                   'state', v_card.state, 'version', v_card.version,
                                                                   'data', v_card.data),
                                        'last', v_last::JSONB);
    ELSE
        v_verdict := jsonb_build_object('status', 'refused', 'reason', 'The server has no such card.');
    END IF;
    INSERT INTO rejected (event_id, desktop, received_at, event, verdict) VALUES (v_id, session_user, now(), p, v_verdict);
    RETURN v_verdict;
END
$$;

-- push_all as in V3, and: once a card event of the push is not taken, every later event of that card in the push is
-- answered by lost_with_earlier; runs are cut before such an event so that accept_run never takes one.
CREATE OR REPLACE FUNCTION hsc.push_all(p JSONB) RETURNS JSONB
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$
DECLARE
    v_uuid  CONSTANT TEXT := '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
    v_n     INTEGER;
    v_done  INTEGER := 0;
    v_cut   INTEGER;
    v_upto  INTEGER;
    v_run   JSONB;
    v_one   JSONB;
    v_ev    JSONB;
    v_lost  UUID[] := '{}';
    answers JSONB := '[]'::JSONB;
BEGIN
    IF jsonb_typeof(p) <> 'array' OR jsonb_array_length(p) > 1000 THEN
        RAISE EXCEPTION 'push_all takes an array of at most 1000 events' USING ERRCODE = '22023';
    END IF;
    v_n := jsonb_array_length(p);
    PERFORM 1 FROM head WHERE id = 1 FOR UPDATE; -- one push at a time, to its commit
    WHILE v_done < v_n LOOP
        v_cut := NULL; -- the index of the next event of a lost card, if any
        IF cardinality(v_lost) > 0 THEN
            SELECT min(o)::INTEGER - 1 INTO v_cut FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, o)
             WHERE o > v_done AND x->>'event_id' ~ v_uuid
               AND CASE WHEN x->>'card_uid' ~ v_uuid THEN (x->>'card_uid')::UUID END = ANY (v_lost);
        END IF;
        IF v_cut = v_done THEN
            answers := answers || jsonb_build_array(lost_with_earlier(p->v_done));
            v_done := v_done + 1;
            CONTINUE;
        END IF;
        v_upto := coalesce(v_cut, v_n);
        v_run := accept_run(CASE WHEN v_cut IS NULL THEN p
                                 ELSE (SELECT jsonb_agg(x ORDER BY o) FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, o)
                                        WHERE o <= v_cut) END, v_done);
        IF jsonb_typeof(v_run) = 'array' THEN
            answers := answers || v_run;
            v_done := v_done + jsonb_array_length(v_run);
        ELSE
            FOR j IN 1 .. least((v_run->>'one_by_one')::INTEGER, v_upto - v_done) LOOP
                v_ev := p->v_done;
                IF v_ev->>'event_id' ~ v_uuid AND v_ev->>'card_uid' ~ v_uuid AND (v_ev->>'card_uid')::UUID = ANY (v_lost) THEN
                    v_one := lost_with_earlier(v_ev);
                ELSE
                    v_one := accept(v_ev);
                END IF;
                answers := answers || jsonb_build_array(v_one);
                IF v_one->>'status' IN ('conflict', 'refused') AND v_ev->>'card_uid' ~ v_uuid THEN
                    v_lost := v_lost || (v_ev->>'card_uid')::UUID;
                END IF;
                v_done := v_done + 1;
            END LOOP;
        END IF;
    END LOOP;
    RETURN answers;
END
$$;

CREATE OR REPLACE FUNCTION hsc.schema_version() RETURNS INTEGER
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT 6 $$;

REVOKE EXECUTE ON FUNCTION hsc.lost_with_earlier(JSONB) FROM PUBLIC;
