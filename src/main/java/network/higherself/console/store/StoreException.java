package network.higherself.console.store;

/** The data folder or database cannot be used; the message says why and what to do, for a person to read. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
