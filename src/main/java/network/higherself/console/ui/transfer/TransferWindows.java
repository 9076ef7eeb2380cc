package network.higherself.console.ui.transfer;

import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.csv.AuditExport;
import network.higherself.console.csv.Transfers;
import network.higherself.console.move.CardService;
import network.higherself.console.staff.Actor;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A board's "Data" menu: its cards out to CSV, cards in from CSV, the audit trail out; each asks for its file and
 * runs in a window of its own ({@link TransferDialog}). An item the person's rights will refuse is offered disabled,
 * saying why; the services refuse it all the same, whatever the path.
 */
public final class TransferWindows {

    public static final String EXPORT_ID = "data-export-cards";
    public static final String IMPORT_ID = "data-import-cards";
    public static final String AUDIT_ID = "data-export-audit";

    private final Transfers transfers;
    private final CardService cards;
    private final BackgroundExecutor executor;
    private final FilePicker files;
    private final Supplier<Actor> actor;
    private final Consumer<Workflow> onImported;

    /**
     * @param onImported what to do once cards were imported into a board (it reads itself again)
     */
    public TransferWindows(Transfers transfers, CardService cards, BackgroundExecutor executor, FilePicker files,
                           Supplier<Actor> actor, Consumer<Workflow> onImported) {
        this.transfers = transfers;
        this.cards = cards;
        this.executor = executor;
        this.files = files;
        this.actor = actor;
        this.onImported = onImported;
    }

    /** The items of {@code w}'s "Data" menu for the person signed in now, over {@code owner}. */
    public List<MenuItem> items(Window owner, Workflow w) {
        Actor who = actor.get();
        MenuItem export = item(EXPORT_ID, "Export the cards to CSV\u2026", new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE),
                () -> exportCards(owner, w));
        MenuItem imports = item(IMPORT_ID, "Import cards from CSV\u2026", new FontIcon(MaterialDesignF.FILE_IMPORT_OUTLINE),
                () -> importCards(owner, w));
        MenuItem audit = item(AUDIT_ID, "Export the audit trail to CSV\u2026", new FontIcon(MaterialDesignT.TIMELINE_TEXT_OUTLINE),
                () -> exportAudit(owner, w));
        // the rights are read in the background when the menu opens: until then, and when refused, the item is locked
        imports.setDisable(true);
        executor.run(() -> cards.rightsOf(who).on(w.id()).create(), mayCreate -> {
            imports.setDisable(!mayCreate);
            if (!mayCreate) {
                imports.setText("Import cards from CSV (you may not create cards on " + w.board().toLowerCase(Locale.ROOT) + ")");
                imports.setGraphic(new FontIcon(MaterialDesignD.DATABASE_LOCK_OUTLINE));
            }
        }, e -> imports.setText("Import cards from CSV (your rights could not be read)"));
        if (!AuditExport.mayExport(who)) {
            audit.setDisable(true);
            audit.setText("Export the audit trail to CSV (managers and administrators only)");
        }
        return List.of(export, imports, new SeparatorMenuItem(), audit);
    }

    private static MenuItem item(String id, String text, FontIcon icon, Runnable action) {
        MenuItem item = new MenuItem(text, icon);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Asks where to write the board's cards, then writes them. */
    public void exportCards(Window owner, Workflow w) {
        files.save(owner, "Export the cards of " + w.board() + " to", w.id() + ".csv").ifPresent(path -> {
            TransferViewModel model = model(TransferViewModel.Kind.EXPORT_CARDS, w);
            TransferDialog.show(owner, model, files);
            model.start(path);
        });
    }

    /** Asks for the file of cards, then imports it (all or nothing; the window then offers the good rows only). */
    public void importCards(Window owner, Workflow w) {
        files.open(owner, "Import cards into " + w.board() + " from").ifPresent(path -> {
            TransferViewModel model = model(TransferViewModel.Kind.IMPORT_CARDS, w);
            TransferDialog.show(owner, model, files);
            model.start(path);
        });
    }

    /** Shows the audit trail's export, which asks for its days, then for its file. */
    public Stage exportAudit(Window owner, Workflow w) {
        return TransferDialog.show(owner, model(TransferViewModel.Kind.EXPORT_AUDIT, w), files);
    }

    private TransferViewModel model(TransferViewModel.Kind kind, Workflow w) {
        return new TransferViewModel(kind, w, transfers, executor, actor, () -> onImported.accept(w));
    }
}
