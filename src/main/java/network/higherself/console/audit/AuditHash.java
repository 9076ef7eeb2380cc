package network.higherself.console.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * SHA-256 over a canonical form of an entry: every field in a fixed order, each written as its length, a
 * colon and its text (null as "-"), so that no two different entries share a form.
 */
public final class AuditHash {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    public static String of(long seq, Instant at, String actor, String action, String workflowId, Long cardId,
                            String fromState, String toState, String event, String note, String details, String prevHash) {
        StringBuilder b = new StringBuilder(256);
        for (Object field : new Object[]{seq, at, actor, action, workflowId, cardId, fromState, toState, event, note, details, prevHash}) {
            if (field == null) {
                b.append('-');
            } else {
                String s = field.toString();
                b.append(s.length()).append(':').append(s);
            }
            b.append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String of(long seq, AuditRecord r, String prevHash) {
        return of(seq, r.at(), r.actor(), r.action().name(), r.workflowId(), r.cardId(), r.fromState(), r.toState(),
                r.event(), r.note(), r.details(), prevHash);
    }
}
