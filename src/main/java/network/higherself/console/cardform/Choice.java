package network.higherself.console.cardform;

/**
 * One thing a REFERENCE or REFERENCES field can point at (a client, an artist, a channel...), as the form holds
 * it: the entity's id and what a person reads. Two choices are the same when their ids are.
 *
 * @param key the thing's own name where a form needs it: a staff member's user name (what a card's assignee keeps),
 *            a client's name (to tell a new client from one listed); null where the id is all a form needs
 */
public record Choice(long id, String label, String key) {

    public Choice(long id, String label) {
        this(id, label, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Choice c && c.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return label;
    }
}
