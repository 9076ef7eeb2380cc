package network.higherself.console.audit;

import network.higherself.console.workflow.Identifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head of the audit chain at one moment: how many entries it had and the hash of the last one, written
 * {@code COUNT:HASH}. Kept outside the database (in a backup's manifest, printed by {@code verify-audit}), it shows
 * later whether the trail was cut or rewritten up to that entry, which the chain alone cannot: whoever holds the
 * file can recompute every hash after a change, but not make entry COUNT's hash come out as the one kept elsewhere.
 */
public record AuditAnchor(long count, String hash) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,18}):([0-9a-fA-F]{64})");

    public AuditAnchor {
        hash = hash.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Reads {@code COUNT:HASH} as {@code verify-audit} prints it.
     *
     * @throws IllegalArgumentException with a sentence saying what an anchor looks like
     */
    public static AuditAnchor parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(Identifier.shown(text) + " is not an anchor: it is the number of entries (1 or more), "
                    + "a colon and the hash of that entry (64 hexadecimal digits), as verify-audit prints it.");
        }
        return new AuditAnchor(Long.parseLong(m.group(1)), m.group(2));
    }

    /** The head as the database's head row has it now (cheap: no entry is read); empty for a trail with no entry. */
    public static Optional<AuditAnchor> ofHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong("last_seq") > 0
                    ? Optional.of(new AuditAnchor(rs.getLong("last_seq"), rs.getString("last_hash"))) : Optional.empty();
        }
    }

    @Override
    public String toString() {
        return count + ":" + hash;
    }
}
