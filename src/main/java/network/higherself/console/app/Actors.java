package network.higherself.console.app;

import network.higherself.console.signin.SignInService;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.SignIn;
import network.higherself.console.workflow.AgentResponsibility;
import network.higherself.console.workflow.Identifier;
import network.higherself.console.workflow.Workflow;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;

/**
 * Who a name on the command line means. Staff sign in with their password (from {@link PasswordPrompt}); agents
 * are not sign-in accounts: they act through the console's scheduler, never from the command line.
 */
final class Actors {

    private Actors() {
    }

    /**
     * Signs {@code name} in, printing why not on {@code err}: the actor, or empty (exit status 1). A wrong password
     * and an unknown name get the same sentence, and both are audited.
     */
    static Optional<Actor> signIn(Services services, String name, PasswordPrompt prompt, PrintWriter err) {
        SignInService signIn = new SignInService(services.database().sessionFactory(), services.clock());
        String username = SignInService.normalize(name);
        if (!isStaff(services, username)) {
            Optional<String> agent = agentNamed(services, name);
            if (agent.isPresent()) {
                err.println(agent.get() + " is an agent, and agents do not sign in: they act through the console's "
                        + "scheduler. Give your own staff user name with --as.");
                return Optional.empty();
            }
        }
        Optional<char[]> password;
        try {
            password = prompt.passwordFor(username);
        } catch (PasswordPrompt.Unavailable e) {
            err.println(e.getMessage());
            return Optional.empty();
        }
        if (password.isEmpty()) {
            err.println("A password is needed to act as " + Identifier.brief(username) + ": give --password-file FILE or "
                    + "--password-stdin, set the environment variable " + PasswordPrompt.VARIABLE
                    + ", or run the command in a terminal to be asked for it.");
            return Optional.empty();
        }
        try {
            SignIn result = signIn.signIn(username, password.get());
            if (result instanceof SignIn.SignedIn in) {
                return Optional.of(in.actor());
            }
            err.println(((SignIn.Refused) result).message());
            return Optional.empty();
        } finally {
            Arrays.fill(password.get(), '\0');
        }
    }

    private static boolean isStaff(Services services, String username) {
        return services.database().sessionFactory().fromSession(s ->
                s.createSelectionQuery("select count(m) from StaffMember m where lower(m.username) = :u", Long.class)
                        .setParameter("u", username).getSingleResult()) > 0;
    }

    /** The agent's name as the workflows give it (its personality where it has one), if {@code name} is one. */
    private static Optional<String> agentNamed(Services services, String name) {
        for (Workflow w : services.workflows().all()) {
            for (AgentResponsibility a : w.agents()) {
                if (a.personality().filter(name::equalsIgnoreCase).isPresent()) {
                    return a.personality();
                }
                if (a.agent().equalsIgnoreCase(name)) {
                    return Optional.of(a.personality().map(p -> p + " (" + a.agent() + ")").orElse(a.agent()));
                }
            }
        }
        return Optional.empty();
    }
}
