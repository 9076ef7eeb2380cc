package network.higherself.console.store;

import java.nio.file.Path;

/**
 * Where the passphrase of an encrypted data folder comes from: the window's dialog, a file, the environment or the
 * terminal. The database asks for it once it holds the folder's lock, and again after a wrong one, at most
 * {@link #TRIES} times in all. The caller clears the array it is given back.
 */
@FunctionalInterface
public interface Passphrases {

    int TRIES = 3;

    /** A source for a folder that is not encrypted: never asked. */
    Passphrases NONE = ask -> null;

    /**
     * The passphrase, or null when there is none to give (the person cancelled, no terminal, a file already tried):
     * the folder is then not opened, with a sentence saying why.
     */
    char[] ask(Ask ask);

    /**
     * What is asked: the folder; whether it is being created (a new passphrase: the source confirms it itself);
     * which try this is (1 to {@link #TRIES}); and, after a try that failed, the sentence that says why (else null).
     */
    record Ask(Path folder, boolean creating, int attempt, String problem) {
    }
}
