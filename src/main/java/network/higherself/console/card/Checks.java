package network.higherself.console.card;

import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.regex.Pattern;

/** Small validation helpers shared by the card kinds; each adds a sentence to {@code problems} on failure. */
public final class Checks {

    /** The scale of every amount column (NUMERIC(12, 2)). */
    public static final int MONEY_SCALE = 2;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{6,20}$");
    private static final Pattern URL = Pattern.compile("^https?://[^\\s/$.?#].[^\\s]*$", Pattern.CASE_INSENSITIVE);

    private Checks() {
    }

    public static void required(List<String> problems, String label, String value) {
        if (value == null || value.isBlank()) {
            problems.add(label + " is required.");
        }
    }

    public static void required(List<String> problems, String label, Object value) {
        if (value == null) {
            problems.add(label + " is required.");
        }
    }

    public static void maxLength(List<String> problems, String label, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(label + " is " + value.length() + " characters long; at most " + max + " fit.");
        }
    }

    /** Whether {@code value} has the shape of an e-mail address (name@example.com). */
    public static boolean isEmail(String value) {
        return value != null && EMAIL.matcher(value.trim()).matches();
    }

    /** Whether {@code value} looks like a phone number (digits, spaces and + ( ) . / - only). */
    public static boolean isPhone(String value) {
        return value != null && PHONE.matcher(value.trim()).matches();
    }

    /** Whether {@code value} is a web address (http:// or https://...). */
    public static boolean isUrl(String value) {
        return value != null && URL.matcher(value.trim()).matches();
    }

    public static void email(List<String> problems, String label, String value) {
        if (value != null && !value.isBlank() && !isEmail(value)) {
            problems.add(label + " '" + value + "' is not an e-mail address (expected something like name@example.com).");
        }
    }

    public static void phone(List<String> problems, String label, String value) {
        if (value != null && !value.isBlank() && !isPhone(value)) {
            problems.add(label + " '" + value + "' is not a phone number (digits, spaces and + ( ) - only).");
        }
    }

    public static void url(List<String> problems, String label, String value) {
        if (value != null && !value.isBlank() && !isUrl(value)) {
            problems.add(label + " '" + value + "' is not a web address (expected https://...).");
        }
    }

    public static void notNegative(List<String> problems, String label, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            problems.add(label + " cannot be negative (" + value.toPlainString() + ").");
        }
    }

    public static <T extends Temporal & Comparable<? super T>> void inOrder(List<String> problems, String firstLabel, T first,
                                                                          String secondLabel, T second) {
        if (first != null && second != null && first.compareTo(second) > 0) {
            problems.add(firstLabel + " (" + first + ") must not be after " + secondLabel.toLowerCase() + " (" + second + ").");
        }
    }

    /** A plain rendering of a value for the audit trail and the card's description. */
    public static String show(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal b) {
            // amounts are stored with two decimals: "60" typed in a form is the stored 60.00, not a change
            return (b.scale() < MONEY_SCALE ? b.setScale(MONEY_SCALE) : b).toPlainString();
        }
        return value.toString();
    }
}
