package network.higherself.console.ui.staff;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Arrays;

/**
 * The passphrase asked for before an encrypted data folder is opened (or when one is created): what the dialog says,
 * and the check that a new passphrase was typed the same twice. Which try this is and why the last failed come from
 * the database, which decides (store/Passphrases); the passphrase is handed over as characters and never kept.
 */
public final class PassphraseViewModel {

    private final boolean creating;
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public PassphraseViewModel(String folder, boolean creating, int attempt, int tries, String lastProblem) {
        this.creating = creating;
        heading.set(creating ? "A new encrypted data folder, " + folder + ": choose its passphrase (at least 8 characters). "
                + "It is stored nowhere: without it, nobody can open the data, you included."
                : "The data folder " + folder + " is encrypted. Its passphrase opens it" + (attempt > 1
                ? " (try " + attempt + " of " + tries + ")." : "."));
        problem.set(lastProblem == null ? "" : lastProblem);
    }

    public boolean creating() {
        return creating;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * The passphrase to try, or null (with the problem said) when it cannot be: empty, or, for a new one, typed
     * differently the second time. The arrays given are cleared.
     */
    public char[] accept(char[] typed, char[] again) {
        try {
            if (typed.length == 0) {
                problem.set("Type the passphrase.");
                return null;
            }
            if (creating && !Arrays.equals(typed, again)) {
                problem.set("The two passphrases differ: type them again.");
                return null;
            }
            return typed.clone();
        } finally {
            Arrays.fill(typed, '\0');
            Arrays.fill(again, '\0');
        }
    }
}
