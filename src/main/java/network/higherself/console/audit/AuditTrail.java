package network.higherself.console.audit;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Appends entries to the hash-chained trail inside the caller's transaction. The head row (the last number and
 * hash) is locked for the rest of the transaction, so entries are written one after another, never forked.
 *
 * <p>Plain JDBC on the session's connection (same transaction): an append is three fixed statements on every
 * move, and through Hibernate's native queries and {@code persist} they cost noticeably more Java work than the
 * database work itself (see MoveLatencyBenchmark). The entry is not put in the session; it is immutable anyway.
 */
public final class AuditTrail {

    private static final String LOCK_HEAD = "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE";
    private static final String INSERT_ENTRY = "INSERT INTO audit_entry (seq, at, actor, action, workflow_id, card_id, "
            + "from_state, to_state, event, note, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_HEAD = "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1";

    public AuditEntry append(Session session, AuditRecord record) {
        return session.doReturningWork(connection -> append(connection, record));
    }

    /** Appends an entry inside the transaction of {@code connection} (which must not auto-commit). */
    public AuditEntry append(java.sql.Connection connection, AuditRecord record) throws java.sql.SQLException {
        {
            long seq;
            String prev;
            try (PreparedStatement ps = connection.prepareStatement(LOCK_HEAD); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("The audit trail's head record is missing.");
                }
                seq = rs.getLong("last_seq") + 1;
                prev = rs.getString("last_hash");
            }
            String hash = AuditHash.of(seq, record, prev);
            try (PreparedStatement ps = connection.prepareStatement(INSERT_ENTRY)) {
                ps.setLong(1, seq);
                // stored as Hibernate stores an Instant: TIMESTAMP WITH TIME ZONE at UTC (AuditRecord keeps microseconds)
                ps.setObject(2, OffsetDateTime.ofInstant(record.at(), ZoneOffset.UTC));
                ps.setString(3, record.actor());
                ps.setString(4, record.action().name());
                ps.setString(5, record.workflowId());
                if (record.cardId() == null) {
                    ps.setNull(6, Types.BIGINT);
                } else {
                    ps.setLong(6, record.cardId());
                }
                ps.setString(7, record.fromState());
                ps.setString(8, record.toState());
                ps.setString(9, record.event());
                ps.setString(10, record.note());
                ps.setString(11, record.details());
                ps.setString(12, prev);
                ps.setString(13, hash);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(UPDATE_HEAD)) {
                ps.setLong(1, seq);
                ps.setString(2, hash);
                ps.executeUpdate();
            }
            return new AuditEntry(seq, record, prev, hash);
        }
    }
}
