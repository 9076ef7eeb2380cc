package network.higherself.console.staff;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * An account's failed sign-ins and lock: {@value #MAX_FAILED} failures in a row lock it for {@link #LOCK}; a
 * sign-in (or a new password) clears both. Pure; the same rules count the names that have no account, so the
 * answers do not reveal which names exist. Also the sentences a person is refused with.
 *
 * @param failed      failures since the last sign-in or lock
 * @param lockedUntil when the last lock ends (null: never locked, or cleared)
 */
public record SignInAttempts(int failed, Instant lockedUntil) {

    public static final int MAX_FAILED = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final SignInAttempts NONE = new SignInAttempts(0, null);

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    public SignInAttempts {
        if (failed < 0) {
            throw new IllegalArgumentException("failed sign-ins cannot be negative");
        }
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** After one more failure at {@code now}: counted, or the account locked (and the count started again). */
    public SignInAttempts failedAt(Instant now) {
        return failed + 1 >= MAX_FAILED ? new SignInAttempts(0, now.plus(LOCK)) : new SignInAttempts(failed + 1, null);
    }

    /** How many more failures the account takes before it is locked. */
    public int left() {
        return MAX_FAILED - failed;
    }

    /** After a wrong password (this being the count after it). */
    public String mismatchSentence(ZoneId zone) {
        if (lockedUntil != null && failed == 0) {
            return "That user name and password do not match. " + lockedSentence(zone);
        }
        int left = left();
        return "That user name and password do not match. " + left + (left == 1 ? " attempt" : " attempts")
                + " left before the account is locked for " + LOCK.toMinutes() + " minutes.";
    }

    /** While the account is locked. */
    public String lockedSentence(ZoneId zone) {
        return "This account is locked until " + HOUR.format(lockedUntil.atZone(zone)) + " after " + MAX_FAILED
                + " failed sign-ins. Try again then, or ask an administrator.";
    }
}
