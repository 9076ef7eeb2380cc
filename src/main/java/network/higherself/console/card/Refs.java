package network.higherself.console.card;

import java.util.List;

/** Looks up the things cards refer to (clients, artists, channels...), in the transaction of the change at hand. */
public interface Refs {

    /** The thing of that type and id, or a refusal naming what was not found. */
    <T> T get(Class<T> type, long id);

    /**
     * Every thing {@code reference} lists whose name (as {@link Reference#name} gives it: a client's name, a campaign's
     * title, a staff member's user name) is exactly {@code name}: none, one, or several that share it. The caller
     * says what is wrong with none or several (an import names the row and the column).
     */
    <T> List<T> named(Reference<T> reference, String name);

    /**
     * Adds {@code client} (a new one given with the change), in the change's transaction: refused, with the sentence
     * that says what to do, when it is not a valid client or one of that name is already listed.
     */
    Client add(NewClient client);
}
