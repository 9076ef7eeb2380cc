package network.higherself.console.store;

import network.higherself.console.card.ContentPiece;
import network.higherself.console.insight.StateChange;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.signin.AdjustableClock;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A board's history as the charts read it: its creations and moves, in the trail's order, nothing else. */
class HistoryQueriesTest {

    @Test
    void aBoardsHistoryIsItsCardsCreationsAndMovesInOrder(@TempDir Path dir) {
        AdjustableClock clock = new AdjustableClock(TestStore.T0, ZoneOffset.UTC);
        try (TestStore store = new TestStore(dir, clock)) {
            Actor malik = Actor.staff("malik", Role.MARKETING);
            Actor lucia = Actor.staff("lucia", Role.GALLERY_STAFF);
            long piece = done(store.service.create(ContentPiece.WORKFLOW, "Spring newsletter", malik, null));
            clock.advance(Duration.ofHours(2));
            long exhibition = done(store.service.create("WF-GALLERY-EXH", "Light & Shadow", lucia, null));
            for (String event : List.of("idea_selected", "plan_finalized", "draft_completed", "changes_requested", "revision_completed")) {
                clock.advance(Duration.ofHours(5));
                done(store.service.move(MoveRequest.byEvent(piece, event, malik)));
            }
            clock.advance(Duration.ofHours(1));
            done(store.service.move(MoveRequest.byEvent(exhibition, "concept_approved", lucia)));
            // an edit and a refused move are not steps of the way
            done(store.service.edit(piece, null, malik, (card, r) -> card.setTitle("Spring newsletter, final")));
            assertThat(store.service.move(MoveRequest.byEvent(piece, "no_such_event", malik)).isDone()).isFalse();

            HistoryQueries queries = new HistoryQueries(store.db.dataSource());
            Instant t0 = TestStore.T0;
            assertThat(queries.stateChanges(ContentPiece.WORKFLOW)).containsExactly(
                    StateChange.created(piece, t0, "ideation"),
                    StateChange.moved(piece, t0.plus(Duration.ofHours(7)), "ideation", "planning"),
                    StateChange.moved(piece, t0.plus(Duration.ofHours(12)), "planning", "creation"),
                    StateChange.moved(piece, t0.plus(Duration.ofHours(17)), "creation", "review"),
                    StateChange.moved(piece, t0.plus(Duration.ofHours(22)), "review", "revision"),
                    StateChange.moved(piece, t0.plus(Duration.ofHours(27)), "revision", "review"));
            assertThat(queries.stateChanges("WF-GALLERY-EXH")).containsExactly(
                    StateChange.created(exhibition, t0.plus(Duration.ofHours(2)), "concept"),
                    StateChange.moved(exhibition, t0.plus(Duration.ofHours(28)), "concept", "artist_selection"));
            assertThat(queries.stateChanges("WF-WELL-BOOK")).isEmpty();

            assertThat(queries.titles(List.of(piece, exhibition, 999_999L)))
                    .isEqualTo(Map.of(piece, "Spring newsletter, final", exhibition, "Light & Shadow"));
            assertThat(queries.titles(List.of())).isEmpty();
        }
    }

    private static long done(Outcome o) {
        assertThat(o.isDone()).as(o.message()).isTrue();
        return ((Outcome.Done) o).cardId();
    }
}
