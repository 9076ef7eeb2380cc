package network.higherself.console.cardform;

import jakarta.persistence.Entity;
import network.higherself.console.card.Artist;
import network.higherself.console.card.ArtworkStatus;
import network.higherself.console.card.Booking;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.Client;
import network.higherself.console.card.Exhibition;
import network.higherself.console.card.Milestone;
import network.higherself.console.card.ConsultingProject;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The form's way to the database, without a screen: plain values out, only the changed fields back in. */
class CardFormStoreTest {

    private static final Actor LUCIA = Actor.staff("lucia", Role.GALLERY_STAFF);

    @Test
    void aLoadedFormHoldsPlainValuesOnlyAndTheHistory(@TempDir Path dir) {
        try (TestStore store = new TestStore(dir)) {
            Artist mira = new Artist("Mira Okafor", null);
            store.db.sessionFactory().inTransaction(s -> s.persist(mira));
            long id = ((Outcome.Done) store.service.create(Exhibition.WORKFLOW, "Tidelines", LUCIA, (card, refs) -> {
                Exhibition e = (Exhibition) card;
                Artist a = refs.get(Artist.class, mira.getId());
                e.addArtist(a);
                e.addArtwork(a, "Salt", ArtworkStatus.ACCEPTED);
            })).cardId();
            CardFormStore forms = new CardFormStore(store.db.sessionFactory(), store.service, store.workflows);

            CardForm form = forms.load(id);

            assertThat(form.state()).isEqualTo("concept");
            assertThat(form.values()).containsEntry("title", "Tidelines")
                    .containsEntry("artists", List.of(new Choice(mira.getId(), "Mira Okafor")));
            assertThat((List<?>) form.values().get("artworks")).singleElement().isInstanceOfSatisfying(ArtworkRow.class, r -> {
                assertThat(r.artist().label()).isEqualTo("Mira Okafor");
                assertThat(r.status()).isEqualTo(ArtworkStatus.ACCEPTED);
            });
            for (Object v : form.values().values()) {
                Collection<?> all = v instanceof Collection<?> c ? c : java.util.Collections.singleton(v);
                for (Object o : all) {
                    assertThat(o == null || !o.getClass().isAnnotationPresent(Entity.class))
                            .as("no entity reaches the JavaFX thread: " + o).isTrue();
                }
            }
            assertThat(form.choicesOf(Artist.class)).extracting(Choice::label).containsExactly("Mira Okafor");
            assertThat(form.history()).singleElement().satisfies(h -> assertThat(h.toState()).isEqualTo("concept"));
        }
    }

    @Test
    void savingSendsOnlyTheChangedFieldsAndRefusesAStaleVersion(@TempDir Path dir) {
        try (TestStore store = new TestStore(dir)) {
            Client ada = new Client("Ada Lovelace", null, null);
            store.db.sessionFactory().inTransaction(s -> s.persist(ada));
            Actor theo = Actor.staff("theo", Role.FRONT_DESK);
            long id = ((Outcome.Done) store.service.create(Booking.WORKFLOW, "Sound bath", theo, null)).cardId();
            CardFormStore forms = new CardFormStore(store.db.sessionFactory(), store.service, store.workflows);
            CardForm form = forms.load(id);

            Map<CardField<?>, Object> changed = new LinkedHashMap<>();
            changed.put(field(Booking.WORKFLOW, "client"), new Choice(ada.getId(), "Ada Lovelace"));
            changed.put(field(Booking.WORKFLOW, "quote"), new BigDecimal("80.00"));
            Outcome saved = forms.save(id, form.version(), theo, changed);
            assertThat(saved.isDone()).as(saved.message()).isTrue();

            CardForm again = forms.load(id);
            assertThat(again.values().get("client")).isEqualTo(new Choice(ada.getId(), "Ada Lovelace"));
            assertThat(again.history()).extracting(HistoryRow::details).last().isEqualTo(
                    "client: '' \u2192 'Ada Lovelace'\nquote: '' \u2192 '80.00'");

            Outcome stale = forms.save(id, form.version(), theo, Map.of(field(Booking.WORKFLOW, "quote"), new BigDecimal("90.00")));
            assertThat(stale).isInstanceOfSatisfying(Outcome.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Outcome.Refusal.CONFLICT));
        }
    }

    @Test
    void aNewCardGetsItsKindsDefaultsAndMilestones(@TempDir Path dir) {
        try (TestStore store = new TestStore(dir)) {
            CardFormStore forms = new CardFormStore(store.db.sessionFactory(), store.service, store.workflows);
            CardForm blank = forms.blank(ConsultingProject.WORKFLOW);
            assertThat(blank.cardId()).isNull();
            assertThat(blank.state()).isEqualTo("lead_qualification");
            assertThat(blank.values()).containsEntry("title", null).containsEntry("milestones", List.of());

            Map<CardField<?>, Object> values = new LinkedHashMap<>();
            values.put(field(ConsultingProject.WORKFLOW, "title"), "Brand audit");
            values.put(field(ConsultingProject.WORKFLOW, "milestones"), List.of(new Milestone("Kick-off", LocalDate.of(2026, 12, 1))));
            Outcome created = forms.create(ConsultingProject.WORKFLOW, Actor.staff("priya", Role.CONSULTANT), values);
            assertThat(created.isDone()).as(created.message()).isTrue();
            assertThat(forms.load(((Outcome.Done) created).cardId()).values().get("milestones"))
                    .isEqualTo(List.of(new Milestone("Kick-off", LocalDate.of(2026, 12, 1))));
        }
    }

    private static CardField field(String workflowId, String key) {
        return CardKinds.fields(workflowId).stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }
}
