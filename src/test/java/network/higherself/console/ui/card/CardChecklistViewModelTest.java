package network.higherself.console.ui.card;

import network.higherself.console.agent.CardChecklist;
import network.higherself.console.agent.TaskItem;
import network.higherself.console.card.Booking;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.ui.common.ImmediateExecutor;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The card dialog's checklist, without a JavaFX toolkit or a database: the background work is done at once. */
class CardChecklistViewModelTest {

    private static final Workflow BOOKINGS = WorkflowCatalog.bundled().get(Booking.WORKFLOW);
    private static final Actor THEO = Actor.staff("theo", Role.FRONT_DESK);
    private static final Instant NOON = Instant.parse("2026-11-02T12:00:00Z");

    /** A booking's preparation checklist held in memory, ticked as the agents' task service would. */
    private static final class MemoryChecklist implements ChecklistStore {
        final List<TaskItem> tasks = new ArrayList<>(List.of(
                new TaskItem(1, 7, "room", "Prepare the room", true, true, "amara", Instant.parse("2026-11-02T09:00:00Z"), "agent:Ruvo", 1),
                new TaskItem(2, 7, "materials", "Set out the materials", true, false, null, null, "agent:Ruvo", 0),
                new TaskItem(3, 7, "reminder", "Send the client a reminder", false, false, null, null, "agent:Ruvo", 0)));
        String cardState = "preparation";
        String forbidden;
        Outcome refuseNext;
        RuntimeException failNext;
        int ticks;

        @Override
        public Optional<CardChecklist> load(long cardId, Actor actor) {
            return Optional.of(new CardChecklist(cardId, "preparation", cardState, "agent:Ruvo", forbidden, tasks));
        }

        @Override
        public Outcome tick(long taskId, boolean done, Actor actor) {
            if (failNext != null) {
                throw failNext;
            }
            if (refuseNext != null) {
                return refuseNext;
            }
            ticks++;
            tasks.replaceAll(t -> t.id() != taskId ? t : new TaskItem(t.id(), t.cardId(), t.kind(), t.title(), t.required(), done,
                    done ? actor.name() : null, done ? NOON : null, t.createdBy(), t.version() + 1));
            return new Outcome.Done(7, "preparation", 5, "Ticked.");
        }
    }

    private final MemoryChecklist store = new MemoryChecklist();
    private final List<String> historyReads = new ArrayList<>();
    private final CardChecklistViewModel model = new CardChecklistViewModel(store, new ImmediateExecutor(), () -> THEO,
            ZoneOffset.UTC, () -> historyReads.add("read"));

    private CardChecklistViewModel.TaskRow task(String kind) {
        return model.tasks().stream().filter(t -> t.kind().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void theChecklistSaysWhoMadeItAndWhatIsDone() {
        assertThat(model.shownProperty().get()).isFalse();
        model.show(BOOKINGS, 7, store.load(7, THEO).orElseThrow());

        assertThat(model.shownProperty().get()).isTrue();
        assertThat(model.titleProperty().get()).isEqualTo("Preparation checklist");
        assertThat(model.progressProperty().get()).isEqualTo("1 of 3 done");
        assertThat(model.completeProperty().get()).as("a required task is open").isFalse();
        assertThat(model.madeByProperty().get()).isEqualTo("Made by Ruvo when the booking entered Preparation");
        assertThat(model.tasks()).extracting(CardChecklistViewModel.TaskRow::detail)
                .containsExactly("Done by amara  \u00b7  2026-11-02 09:00", "Required", "Optional");
        assertThat(model.tickableProperty().get()).isTrue();
        assertThat(model.noticeProperty().get()).isNull();
    }

    @Test
    void aCardWithoutAChecklistShowsNone() {
        model.show(BOOKINGS, 7, null);
        assertThat(model.shownProperty().get()).isFalse();
        assertThat(model.tasks()).isEmpty();
    }

    @Test
    void aTickIsSavedAsThePersonAndTheHistoryIsReadAgain() {
        model.show(BOOKINGS, 7, store.load(7, THEO).orElseThrow());
        model.tick(task("materials"), true);

        assertThat(store.ticks).isEqualTo(1);
        assertThat(task("materials").done()).isTrue();
        assertThat(task("materials").detail()).isEqualTo("Done by theo  \u00b7  2026-11-02 12:00");
        assertThat(model.progressProperty().get()).isEqualTo("2 of 3 done");
        assertThat(model.completeProperty().get()).as("every required task is done").isTrue();
        assertThat(historyReads).hasSize(1);
        assertThat(model.changed()).as("the board reads the card again").isTrue();
        assertThat(model.messageProperty().get()).isNull();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aRefusedTickIsTheChecklistsMessageAndTheBoxGoesBack() {
        model.show(BOOKINGS, 7, store.load(7, THEO).orElseThrow());
        store.refuseNext = new Outcome.Refused(Outcome.Refusal.CONFLICT, "Someone ticked 'Set out the materials' at the same moment.");
        model.tick(task("materials"), true);

        assertThat(model.messageProperty().get()).isEqualTo("Someone ticked 'Set out the materials' at the same moment.");
        assertThat(task("materials").done()).as("the box shows what is stored").isFalse();
        assertThat(historyReads).isEmpty();
        assertThat(model.changed()).isFalse();
        assertThat(model.tickableProperty().get()).isTrue();

        store.refuseNext = null;
        model.tick(task("materials"), true); // a good tick clears the refusal
        assertThat(model.messageProperty().get()).isNull();
        assertThat(task("materials").done()).isTrue();
    }

    @Test
    void aFailedTickSaysWhatToDo() {
        model.show(BOOKINGS, 7, store.load(7, THEO).orElseThrow());
        store.failNext = new IllegalStateException("The database has been closed.");
        model.tick(task("reminder"), true);

        assertThat(model.messageProperty().get()).isEqualTo("'Send the client a reminder' could not be ticked: The database has "
                + "been closed. Try again, and if it keeps failing, see the log.");
        assertThat(task("reminder").done()).isFalse();
        assertThat(model.tickableProperty().get()).as("the person can try again").isTrue();
    }

    @Test
    void aClosedChecklistCannotBeTicked() {
        store.cardState = "service_delivery";
        model.show(BOOKINGS, 7, store.load(7, THEO).orElseThrow());

        assertThat(model.noticeProperty().get()).isEqualTo("This checklist is closed: the booking is in "
                + BOOKINGS.state("service_delivery").orElseThrow().label() + " now, so its tasks can no longer be ticked.");
        assertThat(model.tickableProperty().get()).isFalse();
        model.tick(task("materials"), true);
        assertThat(store.ticks).as("nothing was ticked").isZero();
        assertThat(task("materials").done()).isFalse();
    }

    @Test
    void someoneWhoMayNotEditTheCardReadsItOnly() {
        store.forbidden = "Your role may not edit bookings.";
        model.show(BOOKINGS, 7, store.load(7, THEO).orElseThrow());

        assertThat(model.noticeProperty().get()).isEqualTo("You can read this checklist but not tick it: Your role may not edit bookings.");
        assertThat(model.tickableProperty().get()).isFalse();
    }
}
