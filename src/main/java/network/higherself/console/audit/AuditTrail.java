package network.higherself.console.audit;

import org.hibernate.Session;

/**
 * Appends entries to the hash-chained trail inside the caller's transaction. The head row (the last number and
 * hash) is locked for the rest of the transaction, so entries are written one after another, never forked.
 */
public final class AuditTrail {

    public AuditEntry append(Session session, AuditRecord record) {
        Object[] head = (Object[]) session.createNativeQuery(
                        "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE", Object[].class)
                .getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;
        String prev = (String) head[1];
        String hash = AuditHash.of(seq, record, prev);
        AuditEntry entry = new AuditEntry(seq, record, prev, hash);
        session.persist(entry);
        session.createNativeMutationQuery("UPDATE audit_head SET last_seq = ?1, last_hash = ?2 WHERE id = 1")
                .setParameter(1, seq).setParameter(2, hash).executeUpdate();
        return entry;
    }
}
