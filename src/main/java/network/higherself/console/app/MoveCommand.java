package network.higherself.console.app;

import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Optional;

/** {@code move --card ID --event EVENT --as NAME [--note TEXT]}: one move through the enforcement point. */
@Command(name = "move", mixinStandardHelpOptions = true,
        description = "Moves a card by firing an event, through the same checks as the console. Prints the new state, "
                + "or the refusal and exit status 1.")
final class MoveCommand extends DataCommand {

    @Option(names = "--card", required = true, paramLabel = "ID", description = "The card's id (see list).")
    long cardId;

    @Option(names = "--event", required = true, paramLabel = "EVENT", description = "The event to fire, e.g. client_accepted_quote.")
    String event;

    @Option(names = "--as", required = true, paramLabel = "NAME", description = "Who is moving it: a staff member's user name or an agent.")
    String as;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note for the audit trail.")
    String note;

    @Override
    int run(Services services, PrintWriter out, PrintWriter err) {
        Optional<Actor> actor = Actors.find(services, as);
        if (actor.isEmpty()) {
            err.println("Nobody called '" + as + "' may act here: give a staff member's user name or an agent's name.");
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
