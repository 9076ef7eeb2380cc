package network.higherself.console.audit;

import network.higherself.console.card.PermissionRequest;

/**
 * The details of a {@link AuditAction#PERMISSION_GRANTED} or {@link AuditAction#PERMISSION_REVOKED} entry: whose
 * grant it is (their user name) and what it grants, as {@link PermissionRequest#grantText()} says it:
 * {@code granted to priya: fire payment_received on WF-WELL-BOOK}. Written and read back here, so that a replay of
 * the trail knows what every request grants in force.
 */
public record GrantEntry(String whom, String what) {

    private static final String GRANTED = "granted to ";
    private static final String REVOKED = "removed from ";

    public static String granted(String whom, String what) {
        return GRANTED + whom + ": " + what;
    }

    public static String revoked(String whom, String what) {
        return REVOKED + whom + ": " + what;
    }

    /** Whose grant a request's is: its requester's user name ("?" for none). */
    public static String whom(PermissionRequest p) {
        return p.getRequester() == null ? "?" : p.getRequester().getUsername();
    }

    /** @throws IllegalArgumentException when {@code details} is not such an entry's */
    public static GrantEntry parse(String details) {
        String rest = details == null ? "" : details.startsWith(GRANTED) ? details.substring(GRANTED.length())
                : details.startsWith(REVOKED) ? details.substring(REVOKED.length()) : null;
        int colon = rest == null ? -1 : rest.indexOf(": ");
        if (colon < 0) {
            throw new IllegalArgumentException("'" + details + "' names no grant");
        }
        return new GrantEntry(rest.substring(0, colon), rest.substring(colon + 2));
    }
}
