package network.higherself.console.ui.card;

import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.FieldProblem;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The card kind's own checks (dates in order, amounts not negative, a role or scopes...) run on the form's values
 * as the person types, on a throw-away card: the same problems the enforcement point would refuse with, without
 * a trip to the database, each naming the field it is about. Fields that point at stored things (references,
 * artworks) are left out; their editors check them, and the enforcement point on saving.
 */
public final class FormCheck {

    private FormCheck() {
    }

    /** The card kind's problems with these form values (per field key); empty when the form is fine so far. */
    public static List<FieldProblem> problems(String workflowId, Map<String, Object> values) {
        Card card = CardKinds.newCard(workflowId, "");
        Set<CardField<?>> skipped = new HashSet<>();
        for (CardField<?> f : card.allFields()) {
            if (!plain(f)) {
                skipped.add(f);
                continue;
            }
            Object v = values.get(f.key());
            if (v != null || !f.required()) {
                f.setUntyped(card, v);
            }
        }
        return card.problems().stream().filter(p -> p.field() == null || !skipped.contains(p.field())).toList();
    }

    private static boolean plain(CardField<?> f) {
        return switch (f.type()) {
            case REFERENCE, REFERENCES, ARTWORKS -> false;
            default -> true;
        };
    }
}
