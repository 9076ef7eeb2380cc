package network.higherself.console.move;

import network.higherself.console.card.Artist;
import network.higherself.console.card.ArtworkEntry;
import network.higherself.console.card.ArtworkStatus;
import network.higherself.console.card.AudienceSegment;
import network.higherself.console.card.Campaign;
import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.Channel;
import network.higherself.console.card.Exhibition;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Field setters used the way forms use them: through a CardChange that looks references up by id. */
class FieldEditsPersistTest {

    private static final Actor LUCIA = Actor.staff("lucia", Role.GALLERY_STAFF);

    @Test
    void artworksAreUpdatedInPlaceAddedAndRemoved(@TempDir Path dir) {
        try (TestStore store = new TestStore(dir)) {
            Artist a = new Artist("Mira Okafor", null);
            Artist b = new Artist("Jon Ekwueme", null);
            store.db.sessionFactory().inTransaction(s -> {
                s.persist(a);
                s.persist(b);
            });
            CardChange first = (card, refs) -> {
                field(card, "artists").set(card, List.of(refs.get(Artist.class, a.getId()), refs.get(Artist.class, b.getId())));
                field(card, "artworks").set(card, List.of(
                        new ArtworkEntry(null, refs.get(Artist.class, a.getId()), "Salt", ArtworkStatus.SUBMITTED),
                        new ArtworkEntry(null, refs.get(Artist.class, b.getId()), "Foam", ArtworkStatus.SUBMITTED)));
            };
            Outcome created = store.service.create(Exhibition.WORKFLOW, "Tidelines", LUCIA, first);
            assertThat(created.isDone()).as(created.message()).isTrue();
            long id = ((Outcome.Done) created).cardId();
            List<ArtworkEntry> before = entries(store, id);
            Long saltId = before.get(0).id();

            Outcome edited = store.service.edit(id, ((Outcome.Done) created).version(), LUCIA, (card, refs) ->
                    field(card, "artworks").set(card, List.of(
                            new ArtworkEntry(saltId, refs.get(Artist.class, a.getId()), "Salt", ArtworkStatus.ACCEPTED),
                            new ArtworkEntry(null, refs.get(Artist.class, a.getId()), "Tide", ArtworkStatus.SUBMITTED))));
            assertThat(edited.isDone()).as(edited.message()).isTrue();

            List<ArtworkEntry> after = entries(store, id);
            assertThat(after).extracting(ArtworkEntry::title).containsExactly("Salt", "Tide");
            assertThat(after.get(0).id()).as("the edited artwork keeps its identity").isEqualTo(saltId);
            assertThat(after.get(0).status()).isEqualTo(ArtworkStatus.ACCEPTED);
            assertThat(store.service.move(MoveRequest.byEvent(id, "concept_approved", LUCIA)).isDone()).isTrue();
        }
    }

    @Test
    void segmentsAndChannelsAreReplaced(@TempDir Path dir) {
        try (TestStore store = new TestStore(dir)) {
            AudienceSegment collectors = new AudienceSegment("Collectors");
            AudienceSegment locals = new AudienceSegment("Locals");
            Channel news = new Channel("Newsletter");
            store.db.sessionFactory().inTransaction(s -> {
                s.persist(collectors);
                s.persist(locals);
                s.persist(news);
            });
            Actor mia = Actor.staff("mia", Role.MARKETING);
            Outcome created = store.service.create(Campaign.WORKFLOW, "Spring", mia, (card, refs) ->
                    field(card, "segments").set(card, List.of(refs.get(AudienceSegment.class, collectors.getId()))));
            long id = ((Outcome.Done) created).cardId();
            Outcome edited = store.service.edit(id, null, mia, (card, refs) -> {
                field(card, "segments").set(card, List.of(refs.get(AudienceSegment.class, locals.getId())));
                field(card, "channels").set(card, List.of(refs.get(Channel.class, news.getId())));
            });
            assertThat(edited.isDone()).as(edited.message()).isTrue();
            store.db.sessionFactory().inSession(s -> {
                Campaign c = s.find(Campaign.class, id);
                assertThat(c.getSegments()).extracting(AudienceSegment::getName).containsExactly("Locals");
                assertThat(c.getChannels()).extracting(Channel::getName).containsExactly("Newsletter");
            });
        }
    }

    private static CardField field(Card card, String key) {
        return card.field(key).orElseThrow();
    }

    private static List<ArtworkEntry> entries(TestStore store, long id) {
        return store.db.sessionFactory().fromSession(s -> {
            Exhibition e = s.find(Exhibition.class, id);
            return e.getArtworkEntries().stream().map(x -> new ArtworkEntry(x.id(), null, x.title(), x.status())).toList();
        });
    }
}
