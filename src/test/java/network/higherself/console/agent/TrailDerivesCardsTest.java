package network.higherself.console.agent;

import network.higherself.console.audit.AuditAction;
import network.higherself.console.card.ArtworkEntry;
import network.higherself.console.card.ArtworkStatus;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Exhibition;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.move.DbRows;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail is enough to know every card's workflow, state and version: CREATED gives version 0 in the
 * workflow's first state, every later CARD_CHANGES entry of the card adds one, and its last move names its state.
 * Checked after what changes cards in every way the console has: people's moves and edits (an artwork's status
 * alone, which Hibernate would not count as a change of the exhibition), the agents' timed events, checklists and
 * messages (cards made inside another card's move), a permission granted and revoked, and reorders down to a
 * column renumbered to make room. Each of those changes is in the outbox too, once.
 */
class TrailDerivesCardsTest {

    @Test
    void everyCardsWorkflowStateAndVersionFollowFromItsTrail(@TempDir Path dir) {
        try (AgentFixture fx = new AgentFixture(dir)) {
            DbRows rows = new DbRows(fx.db.dataSource());
            // bookings the agents take further: payment timeouts, the preparation checklist, Ruvo's and Nyra's messages
            long paying = fx.cardIn(Booking.WORKFLOW, "payment_pending", (c, r) -> {
                Booking.PAYMENT_DEADLINE.set(c, LocalDateTime.parse("2026-11-02T09:30"));
                Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-11-03T10:00"));
            });
            long preparing = fx.cardIn(Booking.WORKFLOW, "booking_confirmed",
                    (c, r) -> Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-11-03T10:00")));
            fx.clock.advance(java.time.Duration.ofHours(2));
            fx.agents.runner().run();
            assertThat(fx.stateOf(paying)).isEqualTo("canceled");
            assertThat(fx.stateOf(preparing)).isEqualTo("preparation");

            // an exhibition whose only change is an artwork's status
            long show = fx.cardIn(Exhibition.WORKFLOW, "artist_selection", null);
            Outcome accepted = fx.cards().edit(show, null, fx.admin, (card, refs) -> Exhibition.ARTWORKS.set(card,
                    Exhibition.ARTWORKS.get(card).stream().map(a -> new ArtworkEntry(a.id(), a.artist(), a.title(),
                            ArtworkStatus.SOLD)).toList()));
            assertThat(accepted.isDone()).as(accepted.message()).isTrue();
            assertThat(rows.audit(show, "EDITED")).singleElement()
                    .satisfies(e -> assertThat((String) e.get("DETAILS")).contains("(sold)"));

            // a permission granted and revoked
            long request = fx.cardIn(PermissionRequest.WORKFLOW, "active", null);
            Outcome revoked = fx.cards().move(MoveRequest.byEvent(request, "revocation_requested", fx.manager));
            assertThat(revoked.isDone()).as(revoked.message()).isTrue();
            assertThat(rows.audit(request, "PERMISSION_GRANTED")).hasSize(1);
            assertThat(rows.audit(request, "PERMISSION_REVOKED")).hasSize(1);

            // twelve cards in one column, the last put after the first again and again until the gaps are gone
            List<Long> column = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                column.add(fx.cardIn(Exhibition.WORKFLOW, "concept", null));
            }
            Map<Long, Long> versions = new java.util.HashMap<>();
            column.forEach(id -> versions.put(id, rows.version(id)));
            boolean renumbered = false;
            for (int i = 0; i < 12 && !renumbered; i++) {
                List<Long> order = rows.rows("SELECT id FROM card WHERE workflow_id = ? AND state = 'concept' ORDER BY position, id",
                        Exhibition.WORKFLOW).stream().map(r -> ((Number) r.get("ID")).longValue()).toList();
                long last = order.get(order.size() - 1);
                Outcome o = fx.cards().reorder(last, order.get(0), order.get(1), null, fx.admin);
                assertThat(o.isDone()).as(o.message()).isTrue();
                versions.merge(last, 1L, Long::sum);
                renumbered = o.message().equals("The column was renumbered.");
            }
            assertThat(renumbered).as("the column ran out of room between two cards").isTrue();
            column.forEach(id -> assertThat(rows.version(id)).as("card #%d: only its own reorders count", id)
                    .isEqualTo(versions.get(id)));
            assertThat(rows.rows("SELECT position FROM card WHERE workflow_id = ? AND state = 'concept' GROUP BY position "
                    + "HAVING COUNT(*) > 1", Exhibition.WORKFLOW)).as("no two cards share a place").isEmpty();

            List<Map<String, Object>> cards = rows.rows("SELECT id, workflow_id, state, version FROM card ORDER BY id");
            assertThat(cards).hasSizeGreaterThan(15);
            for (Map<String, Object> card : cards) {
                long id = ((Number) card.get("ID")).longValue();
                List<Map<String, Object>> trail = rows.audit(id).stream()
                        .filter(e -> AuditAction.CARD_CHANGES.contains(AuditAction.valueOf((String) e.get("ACTION")))).toList();
                assertThat(trail).as("card #%d's trail", id).isNotEmpty();
                assertThat(trail.get(0).get("ACTION")).as("card #%d begins with its creation", id).isEqualTo("CREATED");
                assertThat(trail.stream().filter(e -> e.get("ACTION").equals("CREATED"))).hasSize(1);
                assertThat(trail.get(0).get("WORKFLOW_ID")).as("card #%d's workflow", id).isEqualTo(card.get("WORKFLOW_ID"));
                String state = (String) trail.get(0).get("TO_STATE");
                for (Map<String, Object> e : trail) {
                    if (e.get("ACTION").equals("MOVED")) {
                        assertThat(e.get("FROM_STATE")).as("card #%d moves on from where it was", id).isEqualTo(state);
                        state = (String) e.get("TO_STATE");
                    }
                }
                assertThat(state).as("card #%d's state", id).isEqualTo(card.get("STATE"));
                assertThat(((Number) card.get("VERSION")).longValue()).as("card #%d's version after %s", id, trail)
                        .isEqualTo(trail.size() - 1L);
                assertThat(rows.outbox(id).stream().filter(o -> List.of("CREATE", "MOVE", "EDIT", "REORDER").contains(o.get("KIND"))))
                        .as("card #%d's changes in the outbox", id).hasSize(trail.size());
            }
        }
    }

    @Test
    void aCardMadeByAnAgentInsideAMoveIsCreatedAtVersionZeroAndAudited(@TempDir Path dir) {
        try (AgentFixture fx = new AgentFixture(dir)) {
            DbRows rows = new DbRows(fx.db.dataSource());
            long booking = fx.cardIn(Booking.WORKFLOW, "consultation", null); // Nyra hands the lead to Solari on the way
            List<Map<String, Object>> messages = rows.rows("SELECT id, version FROM card WHERE workflow_id = 'WF-AGT-COMM'");
            assertThat(messages).isNotEmpty();
            for (Map<String, Object> m : messages) {
                long id = ((Number) m.get("ID")).longValue();
                assertThat(rows.audit(id, "CREATED")).hasSize(1);
                assertThat(rows.outbox(id)).extracting(o -> o.get("KIND")).first().isEqualTo("CREATE");
            }
            assertThat(rows.version(booking)).isEqualTo(rows.audit(booking).stream()
                    .filter(e -> AuditAction.CARD_CHANGES.contains(AuditAction.valueOf((String) e.get("ACTION")))).count() - 1);
        }
    }
}
