package network.higherself.console.card;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The two or three facts a card of a kind shows on its face on the board, made from its fields: e.g. a booking's
 * client, service and service time. The board reads the fields' values for a page of cards in one query (the face
 * names the fields it needs) and the face turns each card's values into short text.
 */
public final class Face {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    /** A card's values as read for its face: a field's value, a reference's name, a list's size. */
    public interface Values {
        /** The value of a field that is not a reference or a list. */
        <V> V value(CardField<V> field);

        /** The name of what a REFERENCE field points at (null when it points at nothing). */
        String name(CardField<?> reference);

        /** How many things a REFERENCES field holds. */
        long count(CardField<?> references);
    }

    /** One fact: the fields it reads and how it turns them into text (null or blank: not shown). */
    public record Fact(List<CardField<?>> fields, Function<Values, String> text) {
    }

    private final List<Fact> facts;

    private Face(List<Fact> facts) {
        this.facts = List.copyOf(facts);
    }

    public static Face of(Fact... facts) {
        return new Face(List.of(facts));
    }

    /** The field as it reads: a reference by its name, other values as the audit shows them. */
    public static Fact show(CardField<?> field) {
        if (field.type() == FieldType.REFERENCE) {
            return new Fact(List.of(field), v -> v.name(field));
        }
        return displayed(field);
    }

    private static <V> Fact displayed(CardField<V> field) {
        return show(field, field::display);
    }

    /** The field's value, turned into text by {@code format} (not called for no value). */
    public static <V> Fact show(CardField<V> field, Function<V, String> format) {
        plain(field);
        return new Fact(List.of(field), v -> {
            V value = v.value(field);
            return value == null ? null : format.apply(value);
        });
    }

    /** Two fields' values together (either may be null). */
    public static <A, B> Fact show(CardField<A> first, CardField<B> second, BiFunction<A, B, String> format) {
        plain(first);
        plain(second);
        return new Fact(List.of(first, second), v -> format.apply(v.value(first), v.value(second)));
    }

    /** How many things a REFERENCES field holds: "1 artist", "3 artists". */
    public static Fact count(CardField<?> references, String noun) {
        if (references.type() != FieldType.REFERENCES || references.joinTable() == null) {
            throw new IllegalArgumentException("Only a list of references kept in a table of links can be counted: "
                    + references.key());
        }
        return new Fact(List.of(references), v -> {
            long n = v.count(references);
            return n + " " + noun + (n == 1 ? "" : "s");
        });
    }

    private static void plain(CardField<?> field) {
        if (field.type() == FieldType.REFERENCE || field.isCollection()) {
            throw new IllegalArgumentException("A reference is shown by its name, a list by its size: " + field.key());
        }
    }

    /** Every field a fact reads, once each, in order. */
    public List<CardField<?>> fields() {
        Set<CardField<?>> all = new LinkedHashSet<>();
        facts.forEach(f -> all.addAll(f.fields()));
        return List.copyOf(all);
    }

    /** The facts of a card with these values, in order; those with no text are left out. */
    public List<String> facts(Values values) {
        List<String> out = new ArrayList<>(facts.size());
        for (Fact f : facts) {
            String text = f.text().apply(values);
            if (text != null && !text.isBlank()) {
                out.add(text);
            }
        }
        return out;
    }

    /** "3 Dec". */
    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** "3 Dec 14:30". */
    public static String dayTime(LocalDateTime at) {
        return DAY_TIME.format(at);
    }

    /** "£1200": an amount rounded to whole pounds. */
    public static String pounds(BigDecimal amount) {
        return "\u00a3" + amount.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    /** An enum value in words, lower case: "client portal". */
    public static String words(Enum<?> value) {
        return value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
