package network.higherself.console.workflow;

import java.util.List;
import java.util.Optional;

/**
 * What the seed says an agent does in a workflow.
 *
 * @param agent          the agent's name, e.g. "Booking Agent"
 * @param personality    its personality name where it has one, e.g. "Solari"
 * @param responsibility the seed's sentence
 * @param primary        whether it is the workflow's primary agent (responsible for states no other agent manages)
 * @param states         the states it manages, where the seed says so
 */
public record AgentResponsibility(String agent, Optional<String> personality, String responsibility,
                                  boolean primary, List<String> states) {

    public AgentResponsibility {
        states = List.copyOf(states);
    }

    /** "Solari (Booking Agent)" where there is a personality, else the agent's name. */
    public String displayName() {
        return personality.map(p -> p + " (" + agent + ")").orElse(agent);
    }
}
