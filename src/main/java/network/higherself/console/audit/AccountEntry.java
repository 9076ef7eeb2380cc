package network.higherself.console.audit;

import network.higherself.console.staff.StaffMember;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the trail records of a staff account, written and read back in one place so that a replay of the trail
 * knows every account's role and lock: the details of an {@link AuditAction#ACCOUNT_CREATED} entry (the user name
 * and role, {@code account=amara role=ADMINISTRATOR}), of a {@link AuditAction#LOCKED_OUT} entry (when the lock
 * ends) and of a {@link AuditAction#PASSWORD_CHANGED} entry made by an administrator (whose password it was).
 */
public record AccountEntry(String username, String role) {

    /** The start of the details of a sign-in refused because the account is locked (which changes nothing). */
    public static final String REFUSED_LOCKED = "refused: the account is locked until ";
    /** The details of a password changed by its owner. */
    public static final String OWN_PASSWORD = "changed their own password";

    private static final String LOCKED = "locked until ";
    private static final String SET_PASSWORD = "set the password of ";
    private static final String FIRST_ADMINISTRATOR = "first administrator account created";

    /** The ACCOUNT_CREATED entry of {@code member}, made by {@code actor}; {@code note} says it in words. */
    public static AuditRecord created(Instant at, String actor, StaffMember member, String note) {
        return new AuditRecord(at, actor, AuditAction.ACCOUNT_CREATED, null, null, null, null, null, note,
                new AccountEntry(member.getUsername(), member.getRole().name()).format());
    }

    public String format() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("account", username);
        v.put("role", role);
        return KeyValues.format(v);
    }

    /**
     * The account an ACCOUNT_CREATED entry made. Entries written before accounts were recorded this way said
     * {@code first administrator account created: NAME}, by the new administrator: read as such.
     *
     * @throws IllegalArgumentException when {@code details} is neither
     */
    public static AccountEntry parse(String actor, String details) {
        if (details != null && details.startsWith(FIRST_ADMINISTRATOR)) {
            return new AccountEntry(actor, "ADMINISTRATOR");
        }
        Map<String, String> v = KeyValues.parse(details);
        return new AccountEntry(KeyValues.required(v, "account"), KeyValues.required(v, "role"));
    }

    /**
     * The details of an ACCOUNT_COPY entry: an account as another desktop shared it (sync), set here outright with
     * its role, failed sign-ins and lock: {@code account=amara role=ADMINISTRATOR failed=0 locked=none}.
     */
    public static String copy(String username, String role, int failed, Instant lockedUntil) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("account", username);
        v.put("role", role);
        v.put("failed", Integer.toString(failed));
        v.put("locked", lockedUntil == null ? "none" : lockedUntil.toString());
        return KeyValues.format(v);
    }

    /** An ACCOUNT_COPY entry read back: the account, its role and its sign-in attempts. */
    public record Copy(String username, String role, network.higherself.console.staff.SignInAttempts attempts) {
        /** @throws IllegalArgumentException when {@code details} is not such an entry's */
        public static Copy parse(String details) {
            Map<String, String> v = KeyValues.parse(details);
            String locked = KeyValues.required(v, "locked");
            try {
                return new Copy(KeyValues.required(v, "account"), KeyValues.required(v, "role"),
                        new network.higherself.console.staff.SignInAttempts(Integer.parseInt(KeyValues.required(v, "failed")),
                                locked.equals("none") ? null : Instant.parse(locked)));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    /** The details of a LOCKED_OUT entry. */
    public static String lockedOut(Instant until, int afterFailures) {
        return LOCKED + until + " after " + afterFailures + " failed sign-ins";
    }

    /** When the lock of a LOCKED_OUT entry ends; empty when its details do not say. */
    public static Optional<Instant> lockedUntil(String details) {
        if (details == null || !details.startsWith(LOCKED)) {
            return Optional.empty();
        }
        int end = details.indexOf(' ', LOCKED.length());
        try {
            return Optional.of(Instant.parse(details.substring(LOCKED.length(), end < 0 ? details.length() : end)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The details of a PASSWORD_CHANGED entry made by an administrator for {@code username}. */
    public static String passwordSet(String username) {
        return SET_PASSWORD + username + " (failed sign-ins and any lock cleared)";
    }

    /** Whose password a PASSWORD_CHANGED entry set: the actor's own, or the one its details name. */
    public static String passwordOf(String actor, String details) {
        if (details != null && details.startsWith(SET_PASSWORD)) {
            int end = details.indexOf(' ', SET_PASSWORD.length());
            return details.substring(SET_PASSWORD.length(), end < 0 ? details.length() : end);
        }
        return actor;
    }
}
