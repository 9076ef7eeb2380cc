package network.higherself.console.ui.card;

import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The card kind's own checks (dates in order, amounts not negative, a role or scopes...) run on the form's values
 * as the person types, on a throw-away card: the same sentences the enforcement point would refuse with, without
 * a trip to the database. Fields that point at stored things (references, artworks) are left out; they are
 * checked on saving.
 */
public final class FormCheck {

    private FormCheck() {
    }

    /** The card kind's problems with these form values (per field key); empty when the form is fine so far. */
    public static List<String> problems(String workflowId, Map<String, Object> values) {
        Card card = CardKinds.newCard(workflowId, "");
        List<String> skippedLabels = new ArrayList<>();
        for (CardField f : card.allFields()) {
            if (!plain(f)) {
                skippedLabels.add(f.label());
                continue;
            }
            Object v = values.get(f.key());
            if (v != null || !f.required()) {
                f.set(card, v);
            }
        }
        List<String> out = new ArrayList<>();
        for (String p : card.validate()) {
            // a required reference is checked by its own editor; the throw-away card cannot hold it
            if (skippedLabels.stream().noneMatch(l -> p.startsWith(l + " is required"))) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether a problem sentence is about the field with this label (the kinds' sentences start with it). */
    public static boolean isAbout(String problem, CardField field) {
        return problem.startsWith(field.label() + " ") || problem.startsWith(field.label() + ":");
    }

    private static boolean plain(CardField f) {
        return switch (f.type()) {
            case REFERENCE, REFERENCES, ARTWORKS -> false;
            default -> true;
        };
    }
}
