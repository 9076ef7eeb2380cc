package network.higherself.console.sync;

/** Sync could not do what was asked; the message is a sentence a person can act on. */
public class SyncException extends RuntimeException {

    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
