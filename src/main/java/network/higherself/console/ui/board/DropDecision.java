package network.higherself.console.ui.board;

import network.higherself.console.workflow.FireResult;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What dropping a card of a column onto another column means, decided from the workflow alone (no screen, no
 * database): a reorder within its column, one event, a choice between several, or an explanation why not.
 */
public sealed interface DropDecision {

    /** Dropped on its own column: change its place in the column. */
    record Reorder() implements DropDecision {
    }

    /** Exactly one event leads there. */
    record Fire(Transition transition) implements DropDecision {
    }

    /** Several events lead there: the person picks one. */
    record Choose(List<Transition> options) implements DropDecision {
    }

    /** Nothing leads there; {@code message} says where the card can go instead. */
    record Refuse(String message) implements DropDecision {
    }

    static DropDecision decide(Workflow workflow, String from, String to) {
        if (from.equals(to)) {
            return new Reorder();
        }
        List<Transition> options = workflow.transitionsBetween(from, to);
        if (options.size() == 1) {
            return new Fire(options.get(0));
        }
        if (options.size() > 1) {
            return new Choose(options);
        }
        return new Refuse(((FireResult.Refused) workflow.moveTo(from, to)).message());
    }

    /** The columns a card in {@code from} may be dropped on to move it: exactly the workflow's legal targets. */
    static Set<String> litColumns(Workflow workflow, String from) {
        Set<String> lit = new LinkedHashSet<>();
        workflow.targetsFrom(from).forEach(s -> lit.add(s.id()));
        return lit;
    }
}
