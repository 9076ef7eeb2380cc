package network.higherself.console.csv;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What became of an import: how many rows the file had, how many cards were made, what was wrong with each bad row,
 * where the bad rows were written (good rows only), and notes (the State column read for reference only).
 */
public record ImportReport(Result result, int rows, int imported, List<ImportProblem> problems, Path rejects,
                           List<String> notes) {

    public enum Result {
        /** Every row was good, and every card is made. */
        IMPORTED,
        /** Some rows were bad: nothing was imported (all or nothing). */
        NOTHING_IMPORTED,
        /** The good rows were imported, the bad ones written to the rejects file. */
        GOOD_ROWS_IMPORTED,
        /** The person stopped it: nothing was imported. */
        CANCELLED
    }

    public ImportReport {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** Whether any card was made. */
    public boolean importedAny() {
        return imported > 0;
    }

    /** How many rows were bad. */
    public long badRows() {
        return problems.stream().map(p -> p.row().line()).distinct().count();
    }

    /** The outcome in a sentence (the problems are listed apart, one line each). */
    public String summary() {
        String notesText = notes.isEmpty() ? "" : " " + String.join(" ", notes);
        return switch (result) {
            case IMPORTED -> String.format(Locale.ROOT, "%,d %s imported.", imported, imported == 1 ? "card" : "cards")
                    + notesText;
            case NOTHING_IMPORTED -> String.format(Locale.ROOT, "Nothing was imported: %,d of the %,d rows %s a problem "
                    + "(each is named with its line and column). Correct them and import the file again, or import "
                    + "the good rows only and write the bad ones to a file to fix.", badRows(), rows,
                    badRows() == 1 ? "has" : "have");
            case GOOD_ROWS_IMPORTED -> String.format(Locale.ROOT, "%,d %s imported; the %,d bad %s written to %s, each "
                    + "with its reason in the last column: correct them there and import that file.", imported,
                    imported == 1 ? "card was" : "cards were", badRows(), badRows() == 1 ? "row was" : "rows were", rejects)
                    + notesText;
            case CANCELLED -> "The import was cancelled: nothing was imported.";
        };
    }
}
