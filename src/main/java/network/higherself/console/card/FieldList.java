package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Where a card class declares its fields, in form order, each in one statement:
 *
 * <pre>{@code
 * private static final FieldList<Booking> FIELDS = new FieldList<>(Booking.class);
 * public static final CardField<BigDecimal> QUOTE = FIELDS.money("quote", "Quote", b -> b.quote, (b, v) -> b.quote = v);
 * }</pre>
 *
 * The getter and setter reach the mapped attribute itself; its column and, for text, its length are read from the
 * attribute's mapping ({@code @Column}, {@code @JoinColumn}, {@code @JoinTable}) as the field is declared, so a
 * declaration that names a column the class does not map fails when the class is loaded.
 *
 * @param <C> the card class whose attributes the getters and setters reach
 */
public final class FieldList<C extends Card> {

    private final Class<C> type;
    private final List<CardField<?>> fields = new ArrayList<>();
    private final CardField.Mapping mapping;

    public FieldList(Class<C> type) {
        this.type = type;
        this.mapping = new AnnotationMapping(type);
    }

    /** The card class whose fields these are. */
    public Class<C> type() {
        return type;
    }

    /** The fields declared so far, in order. */
    public List<CardField<?>> fields() {
        return List.copyOf(fields);
    }

    public CardField<String> text(String key, String label, Function<C, String> get, BiConsumer<C, String> set,
                                  FieldOption... options) {
        return add(key, label, FieldType.TEXT, String.class, null, get, set, options);
    }

    /**
     * A value of {@code type}, held as {@code valueType}: LONG_TEXT, EMAIL, PHONE, URL (a String), MONEY (a
     * BigDecimal), DATE (a LocalDate) or DATE_TIME (a LocalDateTime).
     */
    public <V> CardField<V> value(String key, String label, FieldType type, Class<V> valueType, Function<C, V> get,
                                  BiConsumer<C, V> set, FieldOption... options) {
        Class<?> held = switch (type) {
            case TEXT, LONG_TEXT, EMAIL, PHONE, URL -> String.class;
            case MONEY -> BigDecimal.class;
            case DATE -> LocalDate.class;
            case DATE_TIME -> LocalDateTime.class;
            default -> null;
        };
        if (held != valueType) {
            throw new IllegalArgumentException(type + " is held as " + held + ", not " + valueType.getName()
                    + ": declare '" + key + "' with the method for its kind of value");
        }
        return add(key, label, type, valueType, null, get, set, options);
    }

    /** One value of {@code values}. */
    public <E extends Enum<E>> CardField<E> choice(String key, String label, Class<E> values, Function<C, E> get,
                                                   BiConsumer<C, E> set, FieldOption... options) {
        return add(key, label, FieldType.CHOICE, values, null, get, set, options);
    }

    /** One of the things {@code reference} lists (a client, a campaign...). */
    public <T> CardField<T> reference(String key, String label, Reference<T> reference, Function<C, T> get,
                                      BiConsumer<C, T> set, FieldOption... options) {
        return add(key, label, FieldType.REFERENCE, reference.type(), reference, get, set, options);
    }

    /** Several of the things {@code reference} lists (artists, channels...). */
    public <T> CardField<List<T>> references(String key, String label, Reference<T> reference, Function<C, List<T>> get,
                                             BiConsumer<C, List<T>> set, FieldOption... options) {
        return add(key, label, FieldType.REFERENCES, reference.type(), reference, get, set, options);
    }

    public CardField<List<ArtworkEntry>> artworks(String key, String label, Function<C, List<ArtworkEntry>> get,
                                                  BiConsumer<C, List<ArtworkEntry>> set, FieldOption... options) {
        return add(key, label, FieldType.ARTWORKS, ArtworkEntry.class, Reference.ARTIST, get, set, options);
    }

    public CardField<List<Milestone>> milestones(String key, String label, Function<C, List<Milestone>> get,
                                                 BiConsumer<C, List<Milestone>> set, FieldOption... options) {
        return add(key, label, FieldType.MILESTONES, Milestone.class, null, get, set, options);
    }

    private <V> CardField<V> add(String key, String label, FieldType fieldType, Class<?> valueType, Reference<?> reference,
                                 Function<C, V> get, BiConsumer<C, V> set, FieldOption[] options) {
        if (fields.stream().anyMatch(f -> f.key().equals(key))) {
            throw new IllegalStateException(type.getSimpleName() + " declares its field '" + key + "' twice");
        }
        CardField<V> f = new CardField<>(key, label, fieldType, valueType, reference, c -> get.apply(type.cast(c)),
                (c, v) -> set.accept(type.cast(c), v), options, mapping);
        fields.add(f);
        return f;
    }

    /** The mapping as the card class's annotations state it. */
    private record AnnotationMapping(Class<?> type) implements CardField.Mapping {

        @Override
        public int length(String column, String key) {
            for (Field f : type.getDeclaredFields()) {
                Column c = f.getAnnotation(Column.class);
                JoinColumn j = f.getAnnotation(JoinColumn.class);
                if (c != null && column.equals(c.name().isEmpty() ? snakeCase(f.getName()) : c.name())) {
                    return f.getType() == String.class ? c.length() : 0;
                }
                if (j != null && column.equals(j.name())) {
                    return 0;
                }
            }
            throw new IllegalStateException(type.getSimpleName() + " declares the field '" + key + "' in column '" + column
                    + "', but maps no attribute to that column");
        }

        @Override
        public CardField.JoinTable joinTable(String key) {
            for (Field f : type.getDeclaredFields()) {
                if (f.getName().equals(camelCase(key))) {
                    jakarta.persistence.JoinTable t = f.getAnnotation(jakarta.persistence.JoinTable.class);
                    return t == null ? null : new CardField.JoinTable(t.name(), t.joinColumns()[0].name());
                }
            }
            throw new IllegalStateException(type.getSimpleName() + " declares the list field '" + key
                    + "', but has no attribute '" + camelCase(key) + "'");
        }

        private static String snakeCase(String name) {
            StringBuilder b = new StringBuilder();
            for (char ch : name.toCharArray()) {
                if (Character.isUpperCase(ch)) {
                    b.append('_').append(Character.toLowerCase(ch));
                } else {
                    b.append(ch);
                }
            }
            return b.toString();
        }

        private static String camelCase(String key) {
            StringBuilder b = new StringBuilder();
            boolean up = false;
            for (char ch : key.toCharArray()) {
                if (ch == '_') {
                    up = true;
                } else {
                    b.append(up ? Character.toUpperCase(ch) : ch);
                    up = false;
                }
            }
            return b.toString();
        }
    }
}
