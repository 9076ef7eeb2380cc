package network.higherself.console.app;

import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * {@code move --card ID --event EVENT --as NAME [--note TEXT]}: one move through the enforcement point, by a staff
 * member who signs in with their password first.
 */
@Command(name = "move", mixinStandardHelpOptions = true,
        description = "Moves a card by firing an event, through the same checks as the console. Prints the new state, "
                + "or the refusal and exit status 1.")
final class MoveCommand extends DataCommand {

    @Option(names = "--card", required = true, paramLabel = "ID", description = "The card's id (see list).")
    long cardId;

    @Option(names = "--event", required = true, paramLabel = "EVENT", description = "The event to fire, e.g. client_accepted_quote.")
    String event;

    @Option(names = "--as", required = true, paramLabel = "NAME",
            description = "Your staff user name. The password comes from the environment variable HSC_PASSWORD, "
                    + "else it is asked for on the terminal. Agents do not sign in: they act through the console's scheduler.")
    String as;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note for the audit trail.")
    String note;

    private final PasswordPrompt passwords;

    MoveCommand(PasswordPrompt passwords) {
        this.passwords = passwords;
    }

    @Override
    int run(Services services, PrintWriter out, PrintWriter err) {
        Optional<Actor> actor = Actors.signIn(services, as, passwords, err);
        if (actor.isEmpty()) {
            return 1;
        }
        Outcome outcome = services.cards().move(MoveRequest.byEvent(cardId, event, actor.get()).withNote(note));
        if (outcome instanceof Outcome.Done done) {
            out.println("Card #" + done.cardId() + " is now in " + done.state() + ". " + done.message());
            return 0;
        }
        err.println("Refused: " + outcome.message());
        return 1;
    }
}
