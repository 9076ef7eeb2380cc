package network.higherself.console.workflow;

/** A legal move of a card: {@code event} takes it from {@code from} to {@code to}. */
public record Transition(String from, String to, String event) {

    @Override
    public String toString() {
        return from + " -> " + to + " (" + event + ")";
    }
}
