package network.higherself.console.ui.errors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import network.higherself.console.store.StoreFailures;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the person is told about an error nobody foresaw: what happened, in words; where its details are written; the
 * details themselves (the version, the thread and the stack trace) to copy and send; and how many more problems came
 * while the dialog was open. Plain Java and JavaFX properties: testable without a screen.
 */
public final class UnexpectedErrorViewModel {

    private static final String OUR_CODE = "network.higherself.console.";

    private final String whatHappened;
    private final String whereDetails;
    private final String details;
    private final Consumer<String> clipboard;
    private final IntegerProperty more = new SimpleIntegerProperty();
    private final BooleanProperty copied = new SimpleBooleanProperty();

    /**
     * @param whereDetails the sentence saying where the details are written (the log, or a file of their own)
     * @param clipboard    where "Copy details" puts them
     */
    public UnexpectedErrorViewModel(Throwable error, String thread, String version, String whereDetails,
                                    Consumer<String> clipboard) {
        this.whatHappened = whatHappened(error);
        this.whereDetails = whereDetails;
        this.clipboard = clipboard;
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        this.details = "Higher Self Console " + version + System.lineSeparator() + "Thread: " + thread
                + System.lineSeparator() + System.lineSeparator() + trace;
    }

    /** The sentence that says what happened and what to do, without a class name or a stack trace. */
    static String whatHappened(Throwable error) {
        if (error instanceof OutOfMemoryError) {
            return "The console ran out of memory. What you did last may not have been saved: close the console and "
                    + "start it again, then check it.";
        }
        if (error instanceof RuntimeException r) {
            RuntimeException explained = StoreFailures.explain(r); // a full disk, a read-only database...
            if (explained != r) {
                return explained.getMessage();
            }
        }
        String place = place(error);
        return "Something went wrong " + (place == null ? "" : "in the " + place + " ") + "that the console did not "
                + "expect. What you did last may not have been done: look whether it was, and try again. The console "
                + "keeps running; if the problem comes back, close it and start it again.";
    }

    /** The console's class the error came from, in words ("board view"), or null when it came from elsewhere only. */
    private static String place(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String cls = frame.getClassName();
                if (cls.startsWith(OUR_CODE)) {
                    String simple = cls.substring(cls.lastIndexOf('.') + 1);
                    int inner = simple.indexOf('$');
                    if (inner > 0) {
                        simple = simple.substring(0, inner);
                    }
                    return simple.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    public String whatHappened() {
        return whatHappened;
    }

    public String whereDetails() {
        return whereDetails;
    }

    public String details() {
        return details;
    }

    /** Puts the details on the clipboard, to paste into a message. */
    public void copyDetails() {
        clipboard.accept(details);
        copied.set(true);
    }

    public ReadOnlyBooleanProperty copiedProperty() {
        return copied;
    }

    /** Another error came while this one is shown: it is logged, and counted here rather than shown on top. */
    public void anotherOccurred() {
        more.set(more.get() + 1);
    }

    public ReadOnlyIntegerProperty moreProperty() {
        return more;
    }

    /** The sentence about the problems that came since, or empty when none did. */
    public static String moreSentence(int more) {
        if (more == 0) {
            return "";
        }
        return more == 1 ? "One more problem happened since; its details are written down too."
                : more + " more problems happened since; their details are written down too.";
    }
}
