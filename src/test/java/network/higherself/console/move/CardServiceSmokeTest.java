package network.higherself.console.move;

import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CardServiceSmokeTest {

    @Test
    void createAndMove(@TempDir Path dir) {
        try (TestStore store = new TestStore(dir)) {
            Actor lucia = Actor.staff("lucia", Role.GALLERY_STAFF);
            Outcome created = store.service.create("WF-GALLERY-EXH", "Light & Shadow", lucia, null);
            assertThat(created.isDone()).as(created.message()).isTrue();
            long id = ((Outcome.Done) created).cardId();
            Outcome moved = store.service.move(MoveRequest.byEvent(id, "concept_approved", lucia));
            assertThat(moved.isDone()).as(moved.message()).isTrue();
            Outcome refused = store.service.move(MoveRequest.byEvent(id, "artists_confirmed", lucia));
            assertThat(refused.message()).contains("At least one artist");
        }
    }
}
