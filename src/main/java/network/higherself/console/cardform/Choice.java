package network.higherself.console.cardform;

/**
 * One thing a REFERENCE or REFERENCES field can point at (a client, an artist, a channel...), as the form holds
 * it: the entity's id and what a person reads. Two choices are the same when their ids are.
 */
public record Choice(long id, String label) {

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
