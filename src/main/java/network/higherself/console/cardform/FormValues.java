package network.higherself.console.cardform;

import network.higherself.console.card.ArtworkValue;
import network.higherself.console.card.CardField;
import network.higherself.console.move.FieldValues;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The card form's values compared and turned into a change, without a database: what the dialog's view models and
 * the event input form need, and what {@link CardFormStore} sends to the enforcement point.
 */
public final class FormValues {

    private FormValues() {
    }

    /** The form's values as a change carries them: what each reference points at by its id. */
    public static FieldValues change(Map<CardField<?>, Object> values) {
        FieldValues change = FieldValues.NONE;
        for (Map.Entry<CardField<?>, Object> e : values.entrySet()) {
            change = change.withValue(e.getKey(), toValue(e.getKey(), e.getValue()));
        }
        return change;
    }

    /** Whether two form values of {@code field} are the same (amounts by value, sets of references by id). */
    public static boolean same(CardField<?> field, Object a, Object b) {
        if (a == null || b == null) {
            return a == b || isEmptyCollection(a) && isEmptyCollection(b);
        }
        return switch (field.type()) {
            case MONEY -> ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
            case REFERENCES -> new HashSet<>((Collection<?>) a).equals(new HashSet<>((Collection<?>) b));
            default -> a.equals(b);
        };
    }

    private static boolean isEmptyCollection(Object o) {
        return o == null || o instanceof Collection<?> c && c.isEmpty();
    }

    /** A form value as a change carries it (see {@link CardField#value}): ids for what the form chose. */
    static Object toValue(CardField<?> f, Object value) {
        if (value == null) {
            return f.isCollection() ? List.of() : null;
        }
        return switch (f.type()) {
            case REFERENCE -> value instanceof network.higherself.console.card.NewClient n ? n : ((Choice) value).id();
            case REFERENCES -> elements(value, Choice.class).stream().map(Choice::id).distinct().toList();
            case ARTWORKS -> elements(value, ArtworkRow.class).stream()
                    .map(r -> new ArtworkValue(r.id(), r.artist() == null ? null : r.artist().id(), r.title(), r.status()))
                    .toList();
            default -> value;
        };
    }

    /** The elements of a collection value, each checked to be a {@code type}. */
    static <T> List<T> elements(Object value, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object o : (Collection<?>) value) {
            out.add(type.cast(o));
        }
        return out;
    }
}
