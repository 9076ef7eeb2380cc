package network.higherself.console.sync;

/** The server cannot be reached (or went away mid-call): the desktop works offline and tries again later. */
public final class ServerUnavailableException extends SyncException {

    public ServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
