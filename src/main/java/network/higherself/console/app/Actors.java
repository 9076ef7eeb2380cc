package network.higherself.console.app;

import network.higherself.console.staff.Actor;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.workflow.AgentResponsibility;
import network.higherself.console.workflow.Workflow;

import java.util.Optional;

/** Finds who a name on the command line means: a staff member by user name, else an agent by name or personality. */
final class Actors {

    private Actors() {
    }

    static Optional<Actor> find(Services services, String name) {
        Optional<StaffMember> staff = services.database().sessionFactory().fromSession(s ->
                s.createSelectionQuery("from StaffMember where username = :u", StaffMember.class)
                        .setParameter("u", name).uniqueResultOptional());
        if (staff.isPresent()) {
            return Optional.of(staff.get().asActor());
        }
        for (Workflow w : services.workflows().all()) {
            for (AgentResponsibility a : w.agents()) {
                if (a.personality().filter(name::equalsIgnoreCase).isPresent()) {
                    return Optional.of(Actor.agent(a.personality().get()));
                }
                if (a.agent().equalsIgnoreCase(name)) {
                    return Optional.of(Actor.agent(a.agent()));
                }
            }
        }
        return Optional.empty();
    }
}
