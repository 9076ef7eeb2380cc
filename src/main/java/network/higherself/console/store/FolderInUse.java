package network.higherself.console.store;

/** The data folder is held by another console (the window, or a command), or by this process already. */
public final class FolderInUse extends StoreException {

    FolderInUse(String message) {
        super(message);
    }
}
