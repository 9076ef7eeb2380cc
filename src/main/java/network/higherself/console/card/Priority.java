package network.higherself.console.card;

/** How urgent a card is. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
