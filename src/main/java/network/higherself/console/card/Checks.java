package network.higherself.console.card;

import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Small validation helpers shared by the card fields and kinds: each gives the sentence that says what is wrong
 * (null when nothing is), or adds it to {@code problems}.
 */
public final class Checks {

    /** The scale of every amount column (NUMERIC(12, 2)). */
    public static final int MONEY_SCALE = 2;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{6,20}$");
    private static final Pattern URL = Pattern.compile("^https?://[^\\s/$.?#].[^\\s]*$", Pattern.CASE_INSENSITIVE);

    private Checks() {
    }

    public static String requiredProblem(String label) {
        return label + " is required.";
    }

    public static void required(List<String> problems, String label, String value) {
        if (value == null || value.isBlank()) {
            problems.add(requiredProblem(label));
        }
    }

    public static void required(List<String> problems, String label, Object value) {
        if (value == null) {
            problems.add(requiredProblem(label));
        }
    }

    public static String lengthProblem(String label, String value, int max) {
        return value != null && value.length() > max
                ? label + " is " + value.length() + " characters long; at most " + max + " fit." : null;
    }

    /**
     * What is wrong with control characters in {@code value}: none at all in a one-line value (a title, a name: a
     * line break or a tab there could forge a line of a list or a file made from it); in a text of several lines
     * only line breaks and tabs. Null when there is none.
     */
    public static String controlProblem(String label, String value, boolean severalLines) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(severalLines && (c == '\n' || c == '\r' || c == '\t'))) {
                String what = c == '\n' || c == '\r' ? "a line break" : c == '\t' ? "a tab"
                        : String.format("an invisible control character (U+%04X)", (int) c);
                return label + " holds " + what + " at character " + (i + 1) + (severalLines
                        ? ": remove it (only line breaks and tabs may be in it)."
                        : ": write it on one line, without tabs or other control characters.");
            }
        }
        return null;
    }

    public static void maxLength(List<String> problems, String label, String value, int max) {
        add(problems, lengthProblem(label, value, max));
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

    public static String emailProblem(String label, String value) {
        return value != null && !value.isBlank() && !isEmail(value)
                ? label + " '" + value + "' is not an e-mail address (expected something like name@example.com)." : null;
    }

    public static void email(List<String> problems, String label, String value) {
        add(problems, emailProblem(label, value));
    }

    public static String phoneProblem(String label, String value) {
        return value != null && !value.isBlank() && !isPhone(value)
                ? label + " '" + value + "' is not a phone number (digits, spaces and + ( ) - only)." : null;
    }

    public static void phone(List<String> problems, String label, String value) {
        add(problems, phoneProblem(label, value));
    }

    public static String urlProblem(String label, String value) {
        return value != null && !value.isBlank() && !isUrl(value)
                ? label + " '" + value + "' is not a web address (expected https://...)." : null;
    }

    public static String negativeProblem(String label, BigDecimal value) {
        return value != null && value.signum() < 0 ? label + " cannot be negative (" + value.toPlainString() + ")." : null;
    }

    /** An amount larger than a money column holds. */
    public static String tooLargeProblem(String label, BigDecimal value) {
        return value != null && value.compareTo(FieldText.MAX_MONEY) > 0 ? label + " is too large (" + value.toPlainString()
                + "): an amount can be at most " + FieldText.MAX_MONEY.toPlainString() + "." : null;
    }

    public static <T extends Temporal & Comparable<? super T>> String orderProblem(String firstLabel, T first,
                                                                                String secondLabel, T second) {
        return first != null && second != null && first.compareTo(second) > 0
                ? firstLabel + " (" + first + ") must not be after " + secondLabel.toLowerCase() + " (" + second + ")." : null;
    }

    /**
     * Why a payment cannot be recorded as received: the {@code card} ("booking") has no {@code due} amount ("quote")
     * to match it to, or {@code paid} does not cover it; empty when it does.
     */
    public static java.util.Optional<String> paymentCovers(String card, String due, BigDecimal amount, BigDecimal paid) {
        if (amount == null) {
            return java.util.Optional.of("The " + card + " has no " + due + ", so no payment can be matched to it: enter the "
                    + due + " first.");
        }
        BigDecimal p = paid == null ? BigDecimal.ZERO : paid;
        return p.compareTo(amount) < 0 ? java.util.Optional.of("The amount paid (" + p.toPlainString() + ") does not cover the "
                + due + " (" + amount.toPlainString() + "): record the full payment first.") : java.util.Optional.empty();
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
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }

    /** Adds {@code sentence} to {@code problems} when there is one. */
    public static void add(List<String> problems, String sentence) {
        if (sentence != null) {
            problems.add(sentence);
        }
    }
}
