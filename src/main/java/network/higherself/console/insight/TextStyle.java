package network.higherself.console.insight;

/** The kinds of text a workflow diagram holds, each with its size in pixels and weight. */
public enum TextStyle {
    /** A state's name, on its box. */
    STATE(13, true),
    /** The agent responsible for a state, under its name. */
    AGENT(11, false),
    /** The number of cards in a state, in its badge. */
    COUNT(11, true),
    /** An event's name, on its arrow. */
    EVENT(11, false);

    private final double size;
    private final boolean bold;

    TextStyle(double size, boolean bold) {
        this.size = size;
        this.bold = bold;
    }

    public double size() {
        return size;
    }

    public boolean bold() {
        return bold;
    }
}
