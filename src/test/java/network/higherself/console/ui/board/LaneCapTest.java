package network.higherself.console.ui.board;

import javafx.collections.FXCollections;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Card;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardQueries;
import network.higherself.console.ui.common.ImmediateExecutor;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A board with more values than it shows as lanes shows those with the most cards, and says what it leaves out. */
class LaneCapTest {

    @TempDir
    Path dir;

    @Test
    void moreAssigneesThanLanesShowTheBusiestAndTheUnassignedAndSayHowManyAreLeftOut() {
        try (TestStore store = new TestStore(dir)) {
            Actor amara = Actor.staff("amara", Role.ADMINISTRATOR);
            int people = BoardViewModel.MAX_LANES + 6;
            for (int i = 0; i < people; i++) {
                String name = String.format("staff%02d", i);
                store.staff(name, Role.FRONT_DESK);
                for (int n = 0; n < (i == people - 1 ? 3 : 1); n++) { // the last one, alphabetically, has the most
                    assertThat(store.service.create(Booking.WORKFLOW, "Booking of " + name, amara,
                            (card, refs) -> Card.ASSIGNEE.set(card, name)).isDone()).isTrue();
                }
            }
            Workflow w = store.workflows.get(Booking.WORKFLOW);
            BoardViewModel model = new BoardViewModel(w, BoardStore.of(store.service, store.limits,
                    new CardQueries(store.db.dataSource())), new ImmediateExecutor(), () -> amara, () -> null, store.clock,
                    FXCollections.observableHashMap());
            model.layout().lanesProperty().set("assignee");
            model.refresh();

            assertThat(model.lanes()).hasSize(BoardViewModel.MAX_LANES);
            assertThat(model.lanes()).extracting(LaneViewModel::label).contains("staff29").endsWith("Unassigned");
            assertThat(model.lanesNoteProperty().get())
                    .isEqualTo("7 more lanes by assignee are not shown (7 cards): search or filter the board to see them.");
            assertThat(model.column("inquiry").orElseThrow().countProperty().get()).as("the column counts every card")
                    .isEqualTo(people + 2);

            model.searchProperty().set("staff0"); // ten people: every one a lane
            assertThat(model.lanes()).hasSize(11);
            assertThat(model.lanesNoteProperty().get()).isEmpty();
        }
    }
}
