package network.higherself.console.app;

import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.Identifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * {@code move --card ID --event EVENT --as NAME [--password-file FILE | --password-stdin] [--note TEXT]}: one move
 * through the enforcement point, by a staff member who signs in with their password first.
 */
@Command(name = "move", mixinStandardHelpOptions = true,
        description = "Moves a card by firing an event, through the same checks as the console. Prints the new state, "
                + "or the refusal and exit status 1.")
final class MoveCommand extends DataCommand {

    @Option(names = "--card", required = true, paramLabel = "ID", description = "The card's id (see list).")
    long cardId;

    @Option(names = "--event", required = true, paramLabel = "EVENT", description = "The event to fire, e.g. client_accepted_quote.")
    String event;

    @Mixin
    SignInOptions signIn;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note for the audit trail.")
    String note;

    private final PasswordPrompt passwords;
    private final InputStream stdin;

    MoveCommand(PasswordPrompt passwords, InputStream stdin) {
        this.passwords = passwords;
        this.stdin = stdin;
    }

    @Override
    int run(Services services, PrintWriter out, PrintWriter err) {
        if (!Identifier.isValid(event)) {
            err.println(Identifier.shown(event) + " is not an event: events are written like client_accepted_quote "
                    + "(lower-case letters, digits and underscores, at most " + Identifier.MAX_LENGTH + " characters). "
                    + "The console's window shows a card's events under \"Move via…\".");
            return 1;
        }
        Optional<Actor> actor = signIn.signIn(services, passwords, stdin, err);
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
