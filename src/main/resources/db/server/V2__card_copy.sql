-- One card as the server holds it, for a desktop whose replay of an event could not be made here (its rights or
-- data differ): it takes the server's copy instead, so every desktop converges to the server's order.
CREATE FUNCTION hsc.card_copy(p_uid UUID)
    RETURNS TABLE (uid UUID, workflow_id TEXT, state TEXT, version BIGINT, data TEXT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT uid, workflow_id, state, version, data::TEXT FROM card WHERE uid = p_uid $$;

CREATE OR REPLACE FUNCTION hsc.schema_version() RETURNS INTEGER
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hsc, pg_temp
AS $$ SELECT 2 $$;

REVOKE EXECUTE ON FUNCTION hsc.card_copy(UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hsc.card_copy(UUID) TO hsc_desktop;
