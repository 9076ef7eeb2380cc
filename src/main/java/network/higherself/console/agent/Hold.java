package network.higherself.console.agent;

import network.higherself.console.workflow.Labels;

/**
 * Something the agents tried and were refused, and hold back from trying again for a while: a timed event a guard
 * or a full column refused, or an agent message's step. Shown on its card until it is resolved.
 *
 * @param agent the agent that tried, by its personality name where it has one ("Solari")
 * @param event the event it tried to fire
 */
public record Hold(long cardId, String agent, String event, String reason) {

    /** "Solari could not apply “Payment timeout”: the column Canceled is full...". */
    public String sentence() {
        return agent + " could not apply \u201c" + Labels.humanize(event) + "\u201d: " + reason;
    }
}
