package network.higherself.console.csv;

import network.higherself.console.move.CardService;
import network.higherself.console.move.Change;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Imports cards from CSV through the change pipeline: each row becomes a creation ({@link Change.Create} with a
 * {@link CsvRow}), and the whole file one batch ({@link CardService#applyAll}) in one transaction, so that every row
 * meets every check of a card made at the desk (the person's right, the column's hard limit, each field) and nothing
 * is written unless every row is good. Asked for, the good rows are imported alone and the bad ones written to a
 * file to fix (the same header, and a last column with the reason). An imported card is a new card in the
 * workflow's first column: the Id and State an export wrote are read for reference only.
 */
public final class CardImport {

    /** The last column of a rejects file. */
    public static final String REASON = "Reason";

    private final CardService cards;
    private final WorkflowCatalog workflows;

    public CardImport(CardService cards, WorkflowCatalog workflows) {
        this.cards = cards;
        this.workflows = workflows;
    }

    /**
     * Imports {@code file}'s rows as cards of {@code workflowId}, as {@code actor}: all or nothing, or, given a
     * {@code rejects} file, the good rows only, the bad ones written there.
     *
     * @throws TransferRefused for what stops the whole file (no right to create on the board, a file that cannot be
     *                         read, a header that does not fit the board), in a sentence that says what to do
     */
    public ImportReport run(Actor actor, String workflowId, Path file, Path rejects, Progress progress)
            throws TransferRefused {
        Workflow w = workflows.find(workflowId).orElseThrow(() -> new TransferRefused("There is no board "
                + Labels.cut(workflowId, 40) + " to import into."));
        if (!cards.rightsOf(actor).on(w.id()).create()) {
            throw new TransferRefused(actor.name() + actor.role().map(r -> " (" + r.label().toLowerCase(Locale.ROOT) + ")")
                    .orElse("") + " may not create cards on " + w.board() + ", so nothing can be imported into it. Ask "
                    + "for the right with a permission request.");
        }
        if (rejects != null && sameFile(file, rejects)) {
            throw new TransferRefused("The bad rows cannot be written to " + rejects + ": it is the file being imported. "
                    + "Choose another file for them.");
        }
        progress.at("Reading the file", 0, 0);
        List<CsvText.Row> records;
        try {
            records = CsvText.read(file);
        } catch (CsvText.Unreadable e) {
            throw new TransferRefused(e.getMessage() + " Nothing was imported.");
        }
        if (records.isEmpty()) {
            throw new TransferRefused(file + " is empty: an import needs a header line naming the columns, then one "
                    + "line per card.");
        }
        CardColumns columns = new CardColumns(w);
        CardColumns.Header header = columns.header(records.get(0).cells());
        if (!header.problems().isEmpty()) {
            throw new TransferRefused(String.join("\n", header.problems()) + "\nNothing was imported.");
        }
        List<CsvText.Row> body = records.subList(1, records.size());
        if (body.isEmpty()) {
            throw new TransferRefused(file + " has a header and no rows: nothing to import.");
        }
        List<String> notes = stateNotes(w, header, body);

        // rows that do not even line up with the header never reach the pipeline
        List<ImportProblem> problems = new ArrayList<>();
        List<CsvRow> candidates = new ArrayList<>();
        int width = records.get(0).cells().size();
        for (CsvText.Row r : body) {
            if (r.cells().size() > width) {
                problems.add(new ImportProblem(r, null, "it has " + r.cells().size() + " values, and the header names "
                        + width + " columns: a value with a comma in it needs double quotes around it (\"Smith, Ada\")."));
            } else {
                candidates.add(new CsvRow(r, header));
            }
        }

        Batch first = batch(actor, w, candidates, "Checking rows", progress);
        if (first.cancelled) {
            return cancelled(body.size(), notes);
        }
        if (first.committed && problems.isEmpty()) {
            return new ImportReport(ImportReport.Result.IMPORTED, body.size(), candidates.size(), List.of(), null, notes);
        }
        List<CsvRow> good = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            CsvRow row = candidates.get(i);
            Outcome o = i < first.outcomes.size() ? first.outcomes.get(i) : null;
            if (o != null && o.isDone()) {
                good.add(row);
            } else if (o != null) {
                List<ImportProblem> found = row.problems();
                problems.addAll(found.isEmpty() ? List.of(new ImportProblem(row.row(), null, o.message())) : found);
            }
        }
        problems.sort(java.util.Comparator.comparingInt(p -> p.row().line()));
        if (rejects == null) {
            return new ImportReport(ImportReport.Result.NOTHING_IMPORTED, body.size(), 0, problems, null, notes);
        }
        writeRejects(rejects, records.get(0).cells(), problems);
        Batch second = batch(actor, w, good, "Importing the good rows", progress);
        if (!second.committed) {
            deleteQuietly(rejects);
            if (second.cancelled) {
                return cancelled(body.size(), notes);
            }
            List<ImportProblem> late = new ArrayList<>(problems);
            for (int i = 0; i < second.outcomes.size(); i++) {
                if (!second.outcomes.get(i).isDone()) {
                    late.add(new ImportProblem(good.get(i).row(), null, "it was good a moment ago, and now: "
                            + second.outcomes.get(i).message() + " (someone changed the board meanwhile)"));
                }
            }
            return new ImportReport(ImportReport.Result.NOTHING_IMPORTED, body.size(), 0, late, null, notes);
        }
        return new ImportReport(ImportReport.Result.GOOD_ROWS_IMPORTED, body.size(), good.size(), problems, rejects, notes);
    }

    private record Batch(List<Outcome> outcomes, boolean committed, boolean cancelled) {
    }

    /** The rows as one batch of creations through the pipeline, committed only if every one is good. */
    private Batch batch(Actor actor, Workflow w, List<CsvRow> rows, String what, Progress progress) {
        List<Change> changes = new ArrayList<>(rows.size());
        for (CsvRow r : rows) {
            changes.add(new Change.Create(w.id(), r.title(), r));
        }
        progress.at(what, 0, rows.size());
        CardService.Batch b = cards.applyAll(actor, changes, new CardService.BatchProgress() {
            @Override
            public void checked(int done, int total) {
                progress.at(what, done, total);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        });
        return new Batch(b.outcomes(), b.committed(), b.cancelled());
    }

    private static ImportReport cancelled(int rows, List<String> notes) {
        return new ImportReport(ImportReport.Result.CANCELLED, rows, 0, List.of(), null, notes);
    }

    /** What the State column said, when it names columns other than the first: those cards start there all the same. */
    private static List<String> stateNotes(Workflow w, CardColumns.Header header, List<CsvText.Row> body) {
        Optional<CardColumns.Column> state = header.named(CardColumns.STATE);
        if (state.isEmpty()) {
            return List.of();
        }
        String first = w.initialState().id();
        long elsewhere = body.stream().map(r -> state.get().index() < r.cells().size() ? r.cells().get(state.get().index()).strip() : "")
                .filter(s -> !s.isEmpty() && !s.equalsIgnoreCase(first) && !s.equalsIgnoreCase(w.stateLabel(first)))
                .count();
        if (elsewhere == 0) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "The State column is read for reference only: %,d %s in another column "
                + "start%s in %s like every imported card, because a card moves only through its workflow's events.",
                elsewhere, elsewhere == 1 ? "card that was" : "cards that were", elsewhere == 1 ? "s" : "",
                w.stateLabel(first)));
    }

    /** The bad rows, as they were, under the file's header and a last column with the reasons. */
    private static void writeRejects(Path rejects, List<String> header, List<ImportProblem> problems)
            throws TransferRefused {
        try {
            CsvText.writeWhole(rejects, out -> {
                java.util.Map<CsvText.Row, List<String>> reasons = new java.util.LinkedHashMap<>();
                for (ImportProblem p : problems) {
                    reasons.computeIfAbsent(p.row(), r -> new ArrayList<>())
                            .add((p.column() == null ? "" : Labels.humanize(p.column().shown()) + ": ") + p.sentence());
                }
                CSVPrinter printer = CsvText.printer(out);
                List<String> h = new ArrayList<>(header);
                h.add(REASON);
                CsvText.print(printer, h);
                for (java.util.Map.Entry<CsvText.Row, List<String>> bad : reasons.entrySet()) {
                    List<String> cells = new ArrayList<>(bad.getKey().cells());
                    while (cells.size() < header.size()) {
                        cells.add("");
                    }
                    cells.add(String.join("\n", bad.getValue()));
                    CsvText.print(printer, cells);
                }
                printer.flush();
            });
        } catch (IOException e) {
            throw new TransferRefused(CsvText.writeProblem(rejects, e) + " Nothing was imported.");
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(CardImport.class).warn("The rejects file {} could not be removed", file, e);
        }
    }
}
