package network.higherself.console.card;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a card field's value from what a person typed, and writes it back as text: amounts like
 * {@code 120.00}, dates like {@code 2026-12-01}, dates and times like {@code 2026-12-01 14:30}. Text that does
 * not fit gets a sentence that says what to write instead. Forms, event inputs and imports share it.
 */
public final class FieldText {

    /** The largest amount a money column holds (12 digits, 2 of them decimals). */
    public static final BigDecimal MAX_MONEY = new BigDecimal("9999999999.99");

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern MONEY = Pattern.compile("^[0-9]+(\\.[0-9]+)?$");
    private static final Pattern MONEY_WITH_COMMA = Pattern.compile("^[0-9]+,[0-9]{1,2}$");
    private static final Pattern TIME_TEXT = Pattern.compile("^([0-9]{1,2})[:.h]([0-9]{2})$");

    private FieldText() {
    }

    /** A value read from text, or the sentence that says why the text is not one. */
    public record Parsed(Object value, String problem) {

        public static Parsed of(Object value) {
            return new Parsed(value, null);
        }

        public static Parsed problem(String sentence) {
            return new Parsed(null, sentence);
        }

        public boolean ok() {
            return problem == null;
        }

        public Optional<String> problemText() {
            return Optional.ofNullable(problem);
        }
    }

    /**
     * Reads {@code text} as a value of {@code field}: blank text is no value (a problem when the field is required),
     * a CHOICE is matched against the names of its enum.
     *
     * @throws IllegalArgumentException for REFERENCE(S), ARTWORKS and MILESTONES, which are chosen, not typed
     */
    public static Parsed parse(CardField<?> field, String text) {
        if (text == null || text.isBlank()) {
            return field.required() ? Parsed.problem(field.label() + " is required: fill it in.") : Parsed.of(null);
        }
        if (field.type() == FieldType.CHOICE) {
            return choice(field.label(), field.valueType(), text.strip());
        }
        return parse(field.type(), text);
    }

    /**
     * Reads {@code text} as a value of {@code type}; blank text is no value (null).
     *
     * @throws IllegalArgumentException for CHOICE (use {@link #parse(CardField, String)}), REFERENCE(S), ARTWORKS
     *                                  and MILESTONES
     */
    public static Parsed parse(FieldType type, String text) {
        if (text == null || text.isBlank()) {
            return Parsed.of(null);
        }
        String t = text.strip();
        return switch (type) {
            case TEXT, LONG_TEXT -> Parsed.of(t);
            case EMAIL -> Checks.isEmail(t) ? Parsed.of(t)
                    : Parsed.problem("'" + t + "' is not an e-mail address: write it like name@example.com");
            case PHONE -> Checks.isPhone(t) ? Parsed.of(t)
                    : Parsed.problem("'" + t + "' is not a phone number: use digits, spaces and + ( ) - only, like +44 20 7946 0958");
            case URL -> Checks.isUrl(t) ? Parsed.of(t)
                    : Parsed.problem("'" + t + "' is not a web address: write it like https://example.softr.app");
            case MONEY -> money(t);
            case DATE -> date(t);
            case DATE_TIME -> dateTime(t);
            case CHOICE, REFERENCE, REFERENCES, ARTWORKS, MILESTONES ->
                    throw new IllegalArgumentException(type + " values are chosen from a list, not read from text");
        };
    }

    /** Reads a time of day like {@code 14:30} (also {@code 9:05}, {@code 14.30}). */
    public static Parsed time(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.of(null);
        }
        String t = text.strip();
        var m = TIME_TEXT.matcher(t);
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            if (h < 24 && min < 60) {
                return Parsed.of(LocalTime.of(h, min));
            }
        }
        return Parsed.problem("'" + t + "' is not a time: write it like 14:30");
    }

    /** The text a person sees for a value of {@code type}; empty for no value. */
    public static String format(FieldType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case MONEY -> ((BigDecimal) value).setScale(2, RoundingMode.HALF_UP).toPlainString();
            case DATE -> DATE.format((LocalDate) value);
            case DATE_TIME -> DATE_TIME.format((LocalDateTime) value);
            case CHOICE -> value instanceof Enum<?> e ? e.name() : value.toString();
            default -> value.toString();
        };
    }

    private static Parsed money(String t) {
        String plain = t.replace(" ", "");
        boolean negative = plain.startsWith("-");
        if (negative) {
            plain = plain.substring(1);
        }
        if (!MONEY.matcher(plain).matches()) {
            if (MONEY_WITH_COMMA.matcher(plain).matches()) {
                return Parsed.problem("'" + t + "' is not an amount: use a point for the cents, like " + plain.replace(',', '.'));
            }
            return Parsed.problem("'" + t + "' is not an amount: write it like 120.00");
        }
        BigDecimal amount = new BigDecimal(plain);
        if (negative && amount.signum() != 0) {
            return Parsed.problem("An amount cannot be negative ('" + t + "'): write it like 120.00");
        }
        if (amount.scale() > 2) {
            return Parsed.problem("'" + t + "' has more than two decimals: write it like 120.00");
        }
        if (amount.compareTo(MAX_MONEY) > 0) {
            return Parsed.problem("'" + t + "' is too large: an amount can be at most " + MAX_MONEY.toPlainString());
        }
        return Parsed.of(amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    private static Parsed date(String t) {
        try {
            return Parsed.of(LocalDate.parse(t, DATE));
        } catch (DateTimeParseException e) {
            return Parsed.problem("'" + t + "' is not a date: write it like 2026-12-01");
        }
    }

    private static Parsed dateTime(String t) {
        try {
            return Parsed.of(LocalDateTime.parse(t.replaceFirst("(?<=\\d)T(?=\\d)", " "), DATE_TIME));
        } catch (DateTimeParseException e) {
            return Parsed.problem("'" + t + "' is not a date and time: write it like 2026-12-01 14:30");
        }
    }

    private static Parsed choice(String label, Class<?> enumType, String t) {
        if (!enumType.isEnum()) {
            throw new IllegalArgumentException(label + " is a CHOICE over " + enumType.getName() + ", which is not an enum");
        }
        String wanted = t.replace(' ', '_').replace('-', '_');
        Object[] constants = enumType.getEnumConstants();
        for (Object c : constants) {
            if (((Enum<?>) c).name().equalsIgnoreCase(wanted)) {
                return Parsed.of(c);
            }
        }
        List<String> names = Arrays.stream(constants).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList();
        return Parsed.problem("'" + t + "' is not a " + label.toLowerCase(Locale.ROOT) + ": choose " + orList(names));
    }

    private static String orList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
