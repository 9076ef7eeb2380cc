package network.higherself.console.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A client not on the list yet, given with a card's change (a booking made for someone new): the change adds the
 * client in its own transaction, through the same enforcement point, so that it exists only if the card's change is
 * made, and by someone who may make it. What a form holds and a change carries until then; values are stripped.
 */
public record NewClient(String name, String email, String phone) {

    public NewClient {
        name = strip(name);
        email = strip(email);
        phone = strip(phone);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What is wrong with the client as given, as sentences that say what to do; empty when nothing is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(new Client(name, email, phone).validate());
        Checks.add(problems, Checks.controlProblem("Client name", name, false));
        Checks.add(problems, Checks.controlProblem("Client e-mail", email, false));
        Checks.maxLength(problems, "Client e-mail", email, 200);
        Checks.maxLength(problems, "Client phone", phone, 30);
        return problems;
    }

    /** Whether {@code existing} is the name of this client, whatever its case and spacing. */
    public boolean sameName(String existing) {
        return existing != null && name != null
                && existing.strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }

    /** The client to store. */
    public Client toClient() {
        return new Client(name, email, phone);
    }

    /** How the form lists it until it is saved. */
    @Override
    public String toString() {
        return name + (email == null ? "" : "  \u00b7  " + email) + " (new)";
    }
}
