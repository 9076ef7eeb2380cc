package network.higherself.console.csv;

/** An export or import that cannot be made at all (no right, a file that cannot be read or written), in a sentence. */
public final class TransferRefused extends Exception {

    public TransferRefused(String sentence) {
        super(sentence, null, false, false);
    }
}
