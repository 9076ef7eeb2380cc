package network.higherself.console.sync;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Appends events to the sync outbox inside the caller's transaction. Plain JDBC on the session's connection, like
 * the audit trail: one fixed INSERT on every change, which through Hibernate's {@code persist} cost a statement
 * prepared by Hibernate per change (see MoveLatencyBenchmark). The event is not put in the session.
 */
public final class Outbox {

    private static final String INSERT = "INSERT INTO outbox_event (event_id, created_at, kind, workflow_id, card_id, "
            + "base_version, from_state, to_state, event, actor, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Appends a change of a shared row that is not a card (kind {@code SHARED}): {@code payload} names the row (its
     * kind and key); what is pushed is the row as it is then.
     */
    public void appendShared(java.sql.Connection connection, java.time.Instant at, String actor, String rowKind, String key)
            throws java.sql.SQLException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            ps.setObject(1, java.util.UUID.randomUUID());
            ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(3, SHARED);
            ps.setString(4, null);
            ps.setNull(5, java.sql.Types.BIGINT);
            ps.setLong(6, 0);
            ps.setString(7, null);
            ps.setString(8, null);
            ps.setString(9, null);
            ps.setString(10, actor);
            ps.setString(11, sharedPayload(rowKind, key));
            ps.executeUpdate();
        }
    }

    /** {@link #appendShared(java.sql.Connection, java.time.Instant, String, String, String)} in a session's transaction. */
    public void appendShared(Session session, java.time.Instant at, String actor, String rowKind, String key) {
        session.doWork(c -> appendShared(c, at, actor, rowKind, key));
    }

    /** The payload of a shared row's change: its kind and key (what is pushed is the row as it is then). */
    static String sharedPayload(String rowKind, String key) {
        return "{\"kind\":" + quote(rowKind) + ",\"key\":" + quote(key) + "}";
    }

    /** The outbox kind of a change of a shared row that is not a card. */
    public static final String SHARED = "SHARED";

    private static String quote(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }

    public void append(Session session, OutboxEvent e) {
        session.doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                ps.setObject(1, e.getEventId());
                // stored as Hibernate stores an Instant: TIMESTAMP WITH TIME ZONE at UTC
                ps.setObject(2, OffsetDateTime.ofInstant(e.getCreatedAt(), ZoneOffset.UTC));
                ps.setString(3, e.getKind());
                ps.setString(4, e.getWorkflowId());
                ps.setLong(5, e.getCardId());
                ps.setLong(6, e.getBaseVersion());
                ps.setString(7, e.getFromState());
                ps.setString(8, e.getToState());
                ps.setString(9, e.getEvent());
                ps.setString(10, e.getActor());
                ps.setString(11, e.getPayload());
                ps.executeUpdate();
            }
        });
    }
}
