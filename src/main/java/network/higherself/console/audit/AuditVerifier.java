package network.higherself.console.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Walks the trail from the first entry, recomputing every hash; reports the first entry that does not match, or
 * where the trail differs from an anchor kept elsewhere ({@link AuditAnchor}).
 */
public final class AuditVerifier {

    /**
     * The outcome: how many entries were checked, the first problem if there is one, and the chain's head when
     * it is intact (empty for a trail with no entry).
     */
    public record Verification(long checked, Optional<String> problem, Optional<AuditAnchor> head) {
        public boolean intact() {
            return problem.isEmpty();
        }
    }

    public Verification verify(Connection connection) throws SQLException {
        return verify(connection, null);
    }

    /**
     * As {@link #verify(Connection)}, and also checks that entry {@code expected.count()} is there with the hash
     * {@code expected} kept (null: no anchor to check against).
     */
    public Verification verify(Connection connection, AuditAnchor expected) throws SQLException {
        long expectedSeq = 1;
        String prev = AuditHash.GENESIS;
        long checked = 0;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT seq, at, actor, action, workflow_id, card_id, from_state, to_state, event, note, details, prev_hash, hash "
                        + "FROM audit_entry ORDER BY seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    if (seq != expectedSeq) {
                        return broken(checked, seq < expectedSeq
                                ? "entry " + seq + " appears out of order after entry " + (expectedSeq - 1)
                                : "entry " + expectedSeq + " is missing (the trail jumps from entry " + (expectedSeq - 1) + " to " + seq + ")");
                    }
                    long cardId = rs.getLong("card_id");
                    Long card = rs.wasNull() ? null : cardId;
                    String stored = rs.getString("hash");
                    String prevHash = rs.getString("prev_hash");
                    if (!prev.equals(prevHash)) {
                        return broken(checked, "entry " + seq + " does not follow entry " + (seq - 1)
                                + ": its link to the previous entry does not match (entries were removed, reordered or changed)");
                    }
                    String computed = AuditHash.of(seq, rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                            rs.getString("action"), rs.getString("workflow_id"), card, rs.getString("from_state"), rs.getString("to_state"), rs.getString("event"),
                            rs.getString("note"), rs.getString("details"), prevHash);
                    if (!computed.equals(stored)) {
                        return broken(checked, "entry " + seq + " (" + rs.getString("action") + " by " + rs.getString("actor")
                                + ") does not match its hash: it was changed after it was written");
                    }
                    if (expected != null && seq == expected.count() && !stored.equals(expected.hash())) {
                        return broken(checked, "entry " + seq + " is not the entry the anchor " + expected + " was taken "
                                + "of: its hash is " + stored + ". The trail was rewritten at or before entry " + seq
                                + ", and its hashes recomputed");
                    }
                    prev = stored;
                    expectedSeq++;
                    checked++;
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return broken(checked, "the trail's head record is missing");
            }
            long lastSeq = rs.getLong("last_seq");
            if (lastSeq != checked || !rs.getString("last_hash").equals(prev)) {
                return broken(checked, lastSeq > checked
                        ? "entry " + (checked + 1) + " is missing: " + lastSeq + " entries were written but the trail ends at entry " + checked
                        : "the trail's head does not match entry " + checked + " (the trail was changed)");
            }
        }
        if (expected != null && checked < expected.count()) {
            return broken(checked, "the trail ends at entry " + checked + ", but the anchor " + expected + " was taken when it had "
                    + expected.count() + " entries: " + (checked + 1 == expected.count() ? "entry " + expected.count() + " was"
                    : "entries " + (checked + 1) + " to " + expected.count() + " were") + " cut off, and the head record "
                    + "rewritten to match");
        }
        return new Verification(checked, Optional.empty(),
                checked == 0 ? Optional.empty() : Optional.of(new AuditAnchor(checked, prev)));
    }

    private static Verification broken(long checked, String problem) {
        return new Verification(checked, Optional.of(problem), Optional.empty());
    }
}
