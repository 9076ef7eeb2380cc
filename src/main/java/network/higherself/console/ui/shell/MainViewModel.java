package network.higherself.console.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import network.higherself.console.agent.AgentRun;
import network.higherself.console.agent.Hold;
import network.higherself.console.move.CardService;
import network.higherself.console.move.ColumnLimits;
import network.higherself.console.move.RoleRightsAdmin;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Rights;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.StaffQueries;
import network.higherself.console.ui.access.RoleRightsViewModel;
import network.higherself.console.ui.board.BoardViewModel;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main window's state: the boards in the sidebar with their card counts, the selected board, who is acting,
 * light or dark, and the status line.
 */
public final class MainViewModel {

    private final WorkflowCatalog workflows;
    private final CardService cards;
    private final ColumnLimits limits;
    private final RoleRightsAdmin roleRights;
    private final CardQueries queries;
    private final StaffQueries staffQueries;
    private final BackgroundExecutor executor;
    private final Clock clock;
    private final DataFolder dataFolder;
    private final ObservableList<Workflow> allBoards;
    private final javafx.collections.transformation.FilteredList<Workflow> boards;
    private final ObjectProperty<Rights> rights = new SimpleObjectProperty<>();
    private final ObjectProperty<Workflow> selected = new SimpleObjectProperty<>();
    private final ObservableMap<String, Long> cardCounts = FXCollections.observableHashMap();
    private final ObservableList<StaffQueries.StaffRow> staff = FXCollections.observableArrayList();
    private final ObjectProperty<StaffQueries.StaffRow> actingAs = new SimpleObjectProperty<>();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    /** The zone the console shows times in (the one clock's). */
    public java.time.ZoneId clockZone() {
        return clock.getZone();
    }

    /** What the status bar says about sync: empty while sync is off. */
    private final StringProperty syncStatus = new SimpleStringProperty("");
    private final BooleanProperty syncTrouble = new SimpleBooleanProperty();
    private Runnable onChangeHere = () -> {
    };
    private final StringProperty notice;
    private final Map<String, BoardViewModel> boardModels = new HashMap<>();
    private final ObservableMap<Long, String> agentNotes = FXCollections.observableHashMap();
    /** Each card's open sync conflict, by card id, shown on its face. */
    private final ObservableMap<Long, String> syncNotes = FXCollections.observableHashMap();

    public MainViewModel(WorkflowCatalog workflows, CardService cards, ColumnLimits limits, RoleRightsAdmin roleRights,
                         CardQueries queries, StaffQueries staffQueries, BackgroundExecutor executor, Clock clock,
                         DataFolder dataFolder, String notice) {
        this.workflows = workflows;
        this.cards = cards;
        this.limits = limits;
        this.roleRights = roleRights;
        this.queries = queries;
        this.staffQueries = staffQueries;
        this.executor = executor;
        this.clock = clock;
        this.dataFolder = dataFolder;
        this.notice = new SimpleStringProperty(notice == null ? "" : notice);
        this.allBoards = FXCollections.observableArrayList(workflows.all());
        this.boards = new javafx.collections.transformation.FilteredList<>(allBoards, w -> true);
        selected.set(boards.isEmpty() ? null : boards.get(0));
        rights.addListener((o, a, r) -> {
            boards.setPredicate(w -> r == null || r.on(w.id()).view());
            if (selected.get() != null && !boards.contains(selected.get())) {
                selected.set(boards.isEmpty() ? null : boards.get(0));
            }
        });
        actingAs.addListener((o, a, who) -> readRights());
        cardCounts.addListener((javafx.collections.MapChangeListener<String, Long>) c -> updateStatus());
        this.notice.addListener((o, a, b) -> updateStatus());
        syncStatus.addListener((o, a, b) -> {
            if (a.isEmpty() != b.isEmpty()) {
                updateStatus();
            }
        });
        updateStatus();
    }

    public ObservableList<Workflow> boards() {
        return boards;
    }

    /** The acting person's rights, as last read (null until read). */
    public ObjectProperty<Rights> rightsProperty() {
        return rights;
    }

    /** The administrator's roles-and-rights screen's state, in the signed-in person's name. */
    public RoleRightsViewModel roleRights() {
        return new RoleRightsViewModel(workflows, roleRights::rightsOf, roleRights::set, executor, this::actor);
    }

    /** Reads the acting person's rights again (after the roles and rights may have changed). */
    public void readRights() {
        if (actingAs.get() == null) {
            return;
        }
        Actor who = actor();
        executor.run(() -> cards.rightsOf(who), r -> {
            if (who.equals(actor())) {
                rights.set(r);
            }
        }, e -> notice.set("Your rights could not be read: " + e.getMessage()));
    }

    public ObjectProperty<Workflow> selectedProperty() {
        return selected;
    }

    /** The board of {@code card}, if it is one the window lists. */
    public java.util.Optional<Workflow> workflowOf(network.higherself.console.store.CardSummary card) {
        return boards.stream().filter(w -> w.id().equals(card.workflowId())).findFirst();
    }

    public void select(String workflowId) {
        workflows.find(workflowId).ifPresent(selected::set);
    }

    /** How many cards each board holds, by workflow id. */
    public ObservableMap<String, Long> cardCounts() {
        return cardCounts;
    }

    public ObservableList<StaffQueries.StaffRow> staff() {
        return staff;
    }

    /** Who is signed in: the console records them as making every change. */
    public ObjectProperty<StaffQueries.StaffRow> actingAsProperty() {
        return actingAs;
    }

    private String pendingSignIn;

    /** The person who just signed in (by user name); their rights decide what the window shows. */
    public void signInAs(String username) {
        StaffQueries.StaffRow row = staff.stream().filter(r -> r.username().equals(username)).findFirst().orElse(null);
        if (row == null) {
            pendingSignIn = username; // the staff list is still being read, or this person is new: read it again
            refreshCounts();
            return;
        }
        pendingSignIn = null;
        actingAs.set(row);
    }

    /** Nobody is signed in (signed out, or locked after being idle). */
    public void signOut() {
        actingAs.set(null);
        rights.set(null);
    }

    public Actor actor() {
        StaffQueries.StaffRow who = actingAs.get();
        return who == null ? Actor.system() : who.asActor();
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The sync part of the status bar: "Synced 14:02", "Offline: …", "2 conflicts"; empty while sync is off. */
    public StringProperty syncStatusProperty() {
        return syncStatus;
    }

    /** Whether sync needs someone's eye (offline, failing, or conflicts open). */
    public BooleanProperty syncTroubleProperty() {
        return syncTrouble;
    }

    /** What to do when a change was made at this desk (sync sends it at once). */
    public void onChangeHere(Runnable action) {
        this.onChangeHere = action;
    }

    /** A change was made at this desk. */
    public void changedHere() {
        onChangeHere.run();
    }

    /**
     * A sync round ended (on the JavaFX thread): the status bar says how it stands, and the board on show and the
     * counts are read again when other desktops' changes arrived.
     */
    public void syncRan(network.higherself.console.sync.SyncLoop.State s) {
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        String at = hhmm.format(s.at().atZone(clock.getZone()));
        String waiting = s.pending() == 0 ? "" : " \u00b7 " + s.pending() + " waiting to be sent";
        String conflicts = s.conflicts() == 0 ? "" : " \u00b7 " + s.conflicts() + (s.conflicts() == 1 ? " conflict" : " conflicts");
        syncStatus.set(switch (s.kind()) {
            case ONLINE -> "Synced " + at + waiting + conflicts;
            case OFFLINE -> "Offline since " + at + ": changes are kept here" + waiting + conflicts;
            case FAILED -> SYNC_STOPPED + s.sentence() + conflicts;
        });
        syncTrouble.set(s.kind() != network.higherself.console.sync.SyncLoop.State.Kind.ONLINE || s.conflicts() > 0);
        boolean notesChanged = s.kind() == network.higherself.console.sync.SyncLoop.State.Kind.ONLINE
                && !syncNotes.equals(s.conflictsByCard());
        if (notesChanged) {
            syncNotes.keySet().retainAll(s.conflictsByCard().keySet());
            syncNotes.putAll(s.conflictsByCard());
        }
        if (s.changed() || notesChanged) {
            refreshCounts();
            Workflow shown = selected.get();
            BoardViewModel board = shown == null ? null : boardModels.get(shown.id());
            if (board != null) {
                board.refreshWhenIdle();
            }
        }
    }

    /** How the status bar begins while sync has stopped (a click then opens the sync settings). */
    public static final String SYNC_STOPPED = "Sync stopped: ";

    /** Sync was turned off here (disconnected): the status bar and the cards no longer speak of it. */
    public void syncOff() {
        syncStatus.set("");
        syncTrouble.set(false);
        syncNotes.clear();
    }

    public DataFolder dataFolder() {
        return dataFolder;
    }

    /** The board of a workflow, made once and kept (with its filters) while the window is open. */
    public BoardViewModel board(Workflow w) {
        return boardModels.computeIfAbsent(w.id(), id -> {
            BoardViewModel board = new BoardViewModel(w, cards, limits, queries, executor, this::actor, rights::get, clock,
                    agentNotes);
            board.useSyncNotes(syncNotes);
            return board;
        });
    }

    /**
     * What the agents did in a run, on the JavaFX thread: the counts and the board on show are read again when they
     * moved or wrote anything, and each refusal they hold (a guard said no; they try again when the card changes)
     * is shown on its card, in the agent's name, until it is resolved.
     */
    public void agentsRan(AgentRun run, List<Hold> holds) {
        Map<Long, String> notes = new HashMap<>();
        for (Hold h : holds) {
            notes.merge(h.cardId(), h.sentence(), (a, b) -> a + "\n" + b);
        }
        boolean changed = !notes.equals(agentNotes);
        if (changed) {
            agentNotes.keySet().retainAll(notes.keySet());
            agentNotes.putAll(notes);
        }
        if (!run.isEmpty() || changed) {
            refreshCounts();
            Workflow shown = selected.get();
            BoardViewModel board = shown == null ? null : boardModels.get(shown.id());
            if (board != null) {
                board.refreshWhenIdle();
            }
        }
    }

    /** Each card's open sync conflict, by card id (see {@link #syncRan}). */
    public ObservableMap<Long, String> syncNotes() {
        return syncNotes;
    }

    /** What the agents could not do, by card id (see {@link #agentsRan}). */
    public ObservableMap<Long, String> agentNotes() {
        return agentNotes;
    }

    /** Reads the staff list and every board's card count in the background. */
    public void load(Runnable ready) {
        executor.run(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Workflow w : workflows.all()) {
                counts.put(w.id(), queries.countsByState(w.id()).values().stream().mapToLong(Long::longValue).sum());
            }
            return Map.entry(counts, staffQueries.all());
        }, result -> {
            cardCounts.putAll(result.getKey());
            countsRead.set(countsRead.get() + 1);
            List<StaffQueries.StaffRow> people = result.getValue();
            staff.setAll(people);
            if (pendingSignIn != null) {
                signInAs(pendingSignIn);
            }
            ready.run();
        }, e -> notice.set("The boards could not be read: " + e.getMessage()));
    }

    private final javafx.beans.property.ReadOnlyIntegerWrapper countsRead = new javafx.beans.property.ReadOnlyIntegerWrapper();

    /**
     * Goes up by one each time the cards have been counted (at start, after a move, a new card, a request, a sync):
     * what else counts (the review queue's badge) listens to it.
     */
    public javafx.beans.property.ReadOnlyIntegerProperty countsReadProperty() {
        return countsRead.getReadOnlyProperty();
    }

    /** Counts the cards again (after a move, a new card). */
    public void refreshCounts() {
        load(() -> {
        });
    }

    private void updateStatus() {
        long total = cardCounts.values().stream().mapToLong(Long::longValue).sum();
        String n = notice.get();
        // while sync is on, its own button on the right says how it stands
        status.set((n.isEmpty() ? "" : n + "   \u00b7   ") + "Data folder: " + dataFolder + "   \u00b7   " + total
                + (total == 1 ? " card" : " cards") + (syncStatus.get().isEmpty() ? "   \u00b7   Sync: off" : ""));
    }
}
