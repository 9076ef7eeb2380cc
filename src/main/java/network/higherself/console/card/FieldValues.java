package network.higherself.console.card;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns what a person typed into a field's value, or a sentence saying what is wrong and how to write it. */
public final class FieldValues {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A parsed value (null for an empty entry), or the problem with the entry. */
    public record Parsed(Object value, Optional<String> problem) {
        static Parsed ok(Object value) {
            return new Parsed(value, Optional.empty());
        }

        static Parsed bad(String problem) {
            return new Parsed(null, Optional.of(problem));
        }
    }

    private FieldValues() {
    }

    public static Parsed parse(FieldType type, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Parsed.ok(null);
        }
        List<String> problems = new ArrayList<>();
        switch (type) {
            case MONEY -> {
                try {
                    BigDecimal amount = new BigDecimal(t.replace(",", "").replace("\u00a3", "").replace("$", "").replace("\u20ac", ""));
                    if (amount.signum() < 0) {
                        return Parsed.bad("an amount cannot be negative (" + t + ").");
                    }
                    if (amount.scale() > 2) {
                        return Parsed.bad("'" + t + "' has more than two decimals: write it like 120.50.");
                    }
                    return Parsed.ok(amount.setScale(2));
                } catch (NumberFormatException e) {
                    return Parsed.bad("'" + t + "' is not an amount: write it like 120.00.");
                }
            }
            case DATE -> {
                try {
                    return Parsed.ok(LocalDate.parse(t));
                } catch (DateTimeParseException e) {
                    return Parsed.bad("'" + t + "' is not a date: write it like 2026-12-01.");
                }
            }
            case DATE_TIME -> {
                try {
                    return Parsed.ok(LocalDateTime.parse(t, DATE_TIME));
                } catch (DateTimeParseException e) {
                    return Parsed.bad("'" + t + "' is not a date and time: write it like 2026-12-01 14:30.");
                }
            }
            case EMAIL -> Checks.email(problems, "E-mail", t);
            case PHONE -> Checks.phone(problems, "Phone", t);
            case URL -> Checks.url(problems, "Address", t);
            default -> {
                // free text
            }
        }
        return problems.isEmpty() ? Parsed.ok(t) : Parsed.bad(problems.get(0));
    }

    /** The text a person would type for {@code value}: the inverse of {@link #parse}. */
    public static String format(FieldType type, Object value) {
        if (value == null) {
            return "";
        }
        if (type == FieldType.DATE_TIME && value instanceof LocalDateTime dt) {
            return dt.format(DATE_TIME);
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return value.toString();
    }
}
