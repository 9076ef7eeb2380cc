package network.higherself.console.ui.transfer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.higherself.console.csv.CsvText;
import network.higherself.console.csv.ImportProblem;
import network.higherself.console.csv.ImportReport;
import network.higherself.console.csv.Progress;
import network.higherself.console.csv.TransferRefused;
import network.higherself.console.csv.Transfers;
import network.higherself.console.staff.Actor;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One export or import in the window: what it does, how far it has got (the work runs on the one background
 * executor, its progress handed back to the JavaFX thread), a cancel that stops it (an export leaves no file, an
 * import writes nothing), and what came of it: a sentence, the bad rows one a line, and for an import refused for
 * its bad rows, the offer to import the good rows only.
 */
public final class TransferViewModel {

    public enum Kind {
        EXPORT_CARDS("Export cards"), IMPORT_CARDS("Import cards"), EXPORT_AUDIT("Export the audit trail");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Kind kind;
    private final Workflow workflow;
    private final Transfers transfers;
    private final BackgroundExecutor executor;
    private final Supplier<Actor> actor;
    private final Runnable onImported;

    private final StringProperty heading = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty goodRowsOffered = new SimpleBooleanProperty(false);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();

    private final AtomicBoolean cancel = new AtomicBoolean();
    private final AtomicBoolean updatePending = new AtomicBoolean();
    private volatile String step = "";
    private volatile long done;
    private volatile long total;
    private Path file;

    /**
     * @param onImported what to do once cards were imported (the board reads itself again)
     */
    public TransferViewModel(Kind kind, Workflow workflow, Transfers transfers, BackgroundExecutor executor,
                             Supplier<Actor> actor, Runnable onImported) {
        this.kind = kind;
        this.workflow = workflow;
        this.transfers = transfers;
        this.executor = executor;
        this.actor = actor;
        this.onImported = onImported;
        heading.set(switch (kind) {
            case EXPORT_CARDS -> "Export the cards of " + workflow.board() + " to CSV";
            case IMPORT_CARDS -> "Import cards into " + workflow.board() + " from CSV";
            case EXPORT_AUDIT -> "Export the audit trail to CSV";
        });
    }

    public Kind kind() {
        return kind;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** 0 to 1; -1 while how much is to do is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Whether the import found bad rows and may import the good ones only. */
    public ReadOnlyBooleanProperty goodRowsOfferedProperty() {
        return goodRowsOffered;
    }

    /** The bad rows, one sentence each (line, column, reason). */
    public ObservableList<String> problems() {
        return problems;
    }

    /** The audit trail's first day (null: from its start). */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** The audit trail's last day (null: up to now). */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Starts the export to, or the import from, {@code chosen}. */
    public void start(Path chosen) {
        this.file = chosen;
        Actor who = actor.get();
        switch (kind) {
            case EXPORT_CARDS -> run(() -> transfers.cards().export(who, workflow.id(), chosen, progress()),
                    n -> finish(String.format(Locale.ROOT, "%,d %s written to %s.", n, n == 1 ? "card" : "cards", chosen)));
            case EXPORT_AUDIT -> {
                LocalDate first = from.get();
                LocalDate last = to.get();
                run(() -> transfers.audit().export(who, first, last, chosen, progress()), n -> finish(String.format(
                        Locale.ROOT, "%,d audit %s written to %s.", n, n == 1 ? "entry" : "entries", chosen)));
            }
            case IMPORT_CARDS -> importFrom(who, null);
        }
    }

    /** After an import refused for its bad rows: imports the good ones, and writes the bad ones to {@code rejects}. */
    public void importGoodRows(Path rejects) {
        importFrom(actor.get(), rejects);
    }

    private void importFrom(Actor who, Path rejects) {
        Path from = file;
        run(() -> transfers.imports().run(who, workflow.id(), from, rejects, progress()), report -> {
            finish(report.summary());
            report.problems().stream().map(ImportProblem::text).forEach(problems::add);
            goodRowsOffered.set(report.result() == ImportReport.Result.NOTHING_IMPORTED && rejects == null);
            if (report.importedAny()) {
                onImported.run();
            }
        });
    }

    /** Stops what is running: nothing of it is kept. */
    public void cancel() {
        cancel.set(true);
        message.set("Stopping\u2026");
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        cancel.set(false);
        problems.clear();
        goodRowsOffered.set(false);
        running.set(true);
        progress.set(-1);
        message.set("Starting\u2026");
        executor.run(work, done, this::failed);
    }

    private void finish(String sentence) {
        running.set(false);
        progress.set(1);
        message.set(sentence);
    }

    private void failed(Throwable e) {
        running.set(false);
        progress.set(0);
        if (e instanceof TransferRefused) {
            message.set(e.getMessage());
        } else if (e instanceof CsvText.Cancelled) {
            message.set("The export was cancelled: no file was written.");
        } else {
            // logged whole by the executor; the person reads a sentence
            message.set("The " + (kind == Kind.IMPORT_CARDS ? "import" : "export") + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + " Nothing was written. The details are in the log.");
        }
    }

    /** What the work reports as it goes, handed to the JavaFX thread one update at a time. */
    private Progress progress() {
        return new Progress() {
            @Override
            public void at(String what, long d, long t) {
                step = what;
                done = d;
                total = t;
                if (updatePending.compareAndSet(false, true)) {
                    executor.handBack(TransferViewModel.this::showProgress);
                }
            }

            @Override
            public boolean cancelled() {
                return cancel.get();
            }
        };
    }

    private void showProgress() {
        updatePending.set(false);
        if (!running.get() || cancel.get()) {
            return;
        }
        long d = done;
        long t = total;
        progress.set(t > 0 ? (double) d / t : -1);
        message.set(t > 0 ? String.format(Locale.ROOT, "%s: %,d of %,d", step, d, t) : step + "\u2026");
    }
}
