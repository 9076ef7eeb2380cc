package network.higherself.console.move;

import network.higherself.console.card.Artist;
import network.higherself.console.card.ArtworkStatus;
import network.higherself.console.card.ArtworkValue;
import network.higherself.console.card.AudienceSegment;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Campaign;
import network.higherself.console.card.Card;
import network.higherself.console.card.Channel;
import network.higherself.console.card.Client;
import network.higherself.console.card.ConsultingProject;
import network.higherself.console.card.Exhibition;
import network.higherself.console.card.Milestone;
import network.higherself.console.card.Priority;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox carries each change in full: replaying one desktop's outbox, in order, through another desktop's
 * pipeline gives the same cards (fields, lists, states, versions, order in their columns). What sync will do; here
 * the two desktops' things (artists, clients...) were made alike, so their ids agree.
 */
class ChangeReplayTest {

    static final Actor THEO = Actor.staff("theo", Role.FRONT_DESK);
    static final Actor LUCIA = Actor.staff("lucia", Role.GALLERY_STAFF);
    static final Actor PRIYA = Actor.staff("priya", Role.CONSULTANT);
    static final Actor MALIK = Actor.staff("malik", Role.MARKETING);
    static final Map<String, Actor> ACTORS = Map.of("theo", THEO, "lucia", LUCIA, "priya", PRIYA, "malik", MALIK);

    /** A clock that moves a millisecond each time it is read: the outbox's order is its events' times. */
    static Clock ticking() {
        AtomicLong ms = new AtomicLong();
        Instant start = TestStore.T0;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return start.plusMillis(ms.incrementAndGet());
            }
        };
    }

    record Things(long artist, long otherArtist, long client, long segment, long channel) {
    }

    static Things things(TestStore store) {
        Artist a = new Artist("Mira Okafor", null);
        Artist b = new Artist("Jon Ekwueme", null);
        Client c = new Client("Ada Lovelace", "ada@example.com", null);
        AudienceSegment s = new AudienceSegment("Collectors");
        Channel ch = new Channel("Newsletter");
        store.db.sessionFactory().inTransaction(x -> List.of(a, b, c, s, ch).forEach(x::persist));
        return new Things(a.getId(), b.getId(), c.getId(), s.getId(), ch.getId());
    }

    @Test
    void anotherDesktopReplayingTheOutboxHasTheSameCards(@TempDir Path dir) {
        try (TestStore here = new TestStore(dir.resolve("here"), ticking());
             TestStore there = new TestStore(dir.resolve("there"), ticking())) {
            Things t = things(here);
            assertThat(things(there)).isEqualTo(t);
            CardService cards = here.service;

            long booking = done(cards.create(Booking.WORKFLOW, "Massage for Ada", THEO, FieldValues.NONE
                    .withValue(Booking.CLIENT, t.client()).with(Booking.SERVICE_AT, LocalDateTime.parse("2026-12-01T14:30"))
                    .with(Card.PRIORITY, Priority.HIGH)));
            done(cards.move(MoveRequest.byEvent(booking, "consultation_scheduled", THEO).withNote("Called her back")));
            done(cards.move(MoveRequest.byEvent(booking, "consultation_completed", THEO)
                    .with(FieldValues.NONE.with(Booking.QUOTE, new BigDecimal("75.50")))));
            done(cards.edit(booking, null, THEO, FieldValues.NONE.with(Booking.CANCEL_REASON, "none 'yet'\nsecond line")));

            long show = done(cards.create(Exhibition.WORKFLOW, "Tidelines", LUCIA, FieldValues.NONE
                    .withValue(Exhibition.ARTISTS, List.of(t.artist(), t.otherArtist()))
                    .withValue(Exhibition.ARTWORKS, List.of(new ArtworkValue(null, t.artist(), "Salt", ArtworkStatus.SUBMITTED),
                            new ArtworkValue(null, t.otherArtist(), "Foam", ArtworkStatus.SUBMITTED)))
                    .with(Exhibition.OPENING_DATE, LocalDate.parse("2027-01-10"))));
            long salt = here.db.sessionFactory().fromSession(s -> s.find(Exhibition.class, show).getArtworks().get(0).getId());
            done(cards.edit(show, null, LUCIA, FieldValues.NONE.withValue(Exhibition.ARTWORKS,
                    List.of(new ArtworkValue(salt, t.artist(), "Salt", ArtworkStatus.ACCEPTED)))));
            long second = done(cards.create(Exhibition.WORKFLOW, "Salt marsh", LUCIA, FieldValues.NONE));
            done(cards.reorder(second, null, show, null, LUCIA));

            long project = done(cards.create(ConsultingProject.WORKFLOW, "Brand audit", PRIYA, FieldValues.NONE
                    .with(ConsultingProject.MILESTONES, List.of(new Milestone("Kick-off", LocalDate.parse("2026-12-01"))))
                    .with(ConsultingProject.FEE, new BigDecimal("4500.00"))));
            done(cards.edit(project, null, PRIYA, FieldValues.NONE.with(ConsultingProject.FEE, null)));

            done(cards.create(Campaign.WORKFLOW, "Spring", MALIK, FieldValues.NONE
                    .withValue(Campaign.SEGMENTS, List.of(t.segment())).withValue(Campaign.CHANNELS, List.of(t.channel()))));

            List<Map<String, Object>> outbox = new DbRows(here.db.dataSource()).rows(
                    "SELECT kind, workflow_id, card_id, base_version, actor, payload FROM outbox_event ORDER BY created_at");
            assertThat(outbox).hasSize(11);
            for (Map<String, Object> e : outbox) {
                Change change = ChangeJson.read((String) e.get("KIND"), (String) e.get("WORKFLOW_ID"),
                        ((Number) e.get("CARD_ID")).longValue(), ((Number) e.get("BASE_VERSION")).longValue(),
                        (String) e.get("PAYLOAD"));
                Outcome o = there.service.apply(ACTORS.get((String) e.get("ACTOR")), change);
                assertThat(o).as("%s: %s", e, o.message()).isInstanceOf(Outcome.Done.class);
            }
            for (String table : List.of("card", "artwork", "exhibition_artist", "milestone", "campaign_segment",
                    "campaign_channel")) {
                String sql = "SELECT * FROM " + table + " ORDER BY 1, 2";
                assertThat(withoutTimes(new DbRows(there.db.dataSource()).rows(sql))).as(table)
                        .isEqualTo(withoutTimes(new DbRows(here.db.dataSource()).rows(sql)));
            }
        }
    }

    private static long done(Outcome o) {
        assertThat(o).as(o.message()).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done) o).cardId();
    }

    /**
     * The rows without the moments they were written at (each desktop's own clock), and without the card's uid: this
     * test replays the outbox by hand, as a new card each time, where sync carries the uid along (SyncDesktopsTest).
     */
    private static List<Map<String, Object>> withoutTimes(List<Map<String, Object>> rows) {
        rows.forEach(r -> {
            r.remove("UID");
            r.remove("STATE_SINCE");
            r.remove("CREATED_AT");
            r.remove("UPDATED_AT");
        });
        return rows;
    }
}
