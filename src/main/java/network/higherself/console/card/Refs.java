package network.higherself.console.card;

/** Looks up the things cards refer to (clients, artists, channels...), in the transaction of the change at hand. */
public interface Refs {

    /** The thing of that type and id, or a refusal naming what was not found. */
    <T> T get(Class<T> type, long id);

    /** The thing of that type whose {@code name} is {@code name}, or a refusal naming what was not found. */
    <T> T named(Class<T> type, String name);
}
