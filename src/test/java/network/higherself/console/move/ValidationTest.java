package network.higherself.console.move;

import network.higherself.console.card.Artist;
import network.higherself.console.card.ArtworkStatus;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Campaign;
import network.higherself.console.card.Client;
import network.higherself.console.card.ConsultingProject;
import network.higherself.console.card.Exhibition;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creation and edits refuse invalid fields with sentences a person can act on, and write nothing when they do;
 * an accepted edit is audited with the field's old and new value.
 */
class ValidationTest {

    @TempDir
    static Path dir;
    static TestStore store;
    static DbRows rows;

    static final Actor ACTOR = Actor.staff("amara", Role.ADMINISTRATOR); // validation here; rights are in AccessControlTest

    @BeforeAll
    static void open() {
        store = new TestStore(dir);
        rows = new DbRows(store.db.dataSource());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static <T> T persist(T entity) {
        store.db.sessionFactory().inTransaction(s -> s.persist(entity));
        return entity;
    }

    static Map<String, Long> counts() {
        return rows.snapshot(-1).counts();
    }

    /** Creation is refused as INVALID with exactly {@code message}, and no row of any kind is written. */
    static void assertCreateRefused(String workflowId, String title, CardChange fields, String message) {
        Map<String, Long> before = counts();
        Outcome o = store.service.create(workflowId, title, ACTOR, fields);
        assertThat(o).isEqualTo(new Outcome.Refused(Outcome.Refusal.INVALID, message));
        assertThat(counts()).as("rows in every table").isEqualTo(before);
    }

    static long create(String workflowId, String title, CardChange fields) {
        Outcome o = store.service.create(workflowId, title, ACTOR, fields);
        assertThat(o).as(o.message()).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done) o).cardId();
    }

    /** The edit is refused as INVALID with exactly {@code message}; the stored card and every table are as before. */
    static void assertEditRefused(long id, CardChange change, String message) {
        DbRows.Snapshot before = rows.snapshot(id);
        Outcome o = store.service.edit(id, null, ACTOR, change);
        assertThat(o).isEqualTo(new Outcome.Refused(Outcome.Refusal.INVALID, message));
        DbRows.Snapshot after = rows.snapshot(id);
        assertThat(after.card()).as("the stored card").isEqualTo(before.card());
        assertThat(after.counts()).as("rows in every table").isEqualTo(before.counts());
        assertThat(rows.audit(id, "EDITED")).as("EDITED entries").isEqualTo(List.of());
    }

    // ---------------------------------------------------------------- titles

    @Test
    void aBlankTitleIsRefused() {
        assertCreateRefused(Booking.WORKFLOW, "   ", null, "Title is required.");
        assertCreateRefused(Booking.WORKFLOW, "", null, "Title is required.");
        long id = create(Booking.WORKFLOW, "Reiki for Sam", null);
        assertEditRefused(id, (card, refs) -> card.setTitle(" \t "), "Title is required.");
        assertThat(rows.card(id).get("TITLE")).isEqualTo("Reiki for Sam");
    }

    @Test
    void aTitleOfMoreThan200CharactersIsRefused() {
        assertCreateRefused(Exhibition.WORKFLOW, "a".repeat(201), null, "Title is 201 characters long; at most 200 fit.");
        long id = create(Exhibition.WORKFLOW, "b".repeat(200), null);
        assertThat((String) rows.card(id).get("TITLE")).hasSize(200);
        assertEditRefused(id, (card, refs) -> card.setTitle("c".repeat(250)), "Title is 250 characters long; at most 200 fit.");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertCreateRefused(Booking.WORKFLOW, " ", (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("-1")),
                "Title is required. Quote cannot be negative (-1).");
    }

    // ---------------------------------------------------------------- amounts

    @Test
    void negativeAmountsAreRefused() {
        assertCreateRefused(Booking.WORKFLOW, "Massage", (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("-5.00")),
                "Quote cannot be negative (-5.00).");
        assertCreateRefused(ConsultingProject.WORKFLOW, "Brand audit",
                (card, refs) -> ConsultingProject.FEE.set(card, new BigDecimal("-1")), "Fee cannot be negative (-1).");
        assertCreateRefused(Campaign.WORKFLOW, "Winter retreat push",
                (card, refs) -> Campaign.BUDGET.set(card, new BigDecimal("-100")), "Budget cannot be negative (-100).");
        assertCreateRefused(Booking.WORKFLOW, "Massage", (card, refs) -> Booking.AMOUNT_PAID.set(card, new BigDecimal("-0.01")),
                "Amount paid cannot be negative (-0.01).");
    }

    @Test
    void aNegativeAmountIsRefusedOnEditToo() {
        long booking = create(Booking.WORKFLOW, "Sound bath", (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("90")));
        assertEditRefused(booking, (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("-90")),
                "Quote cannot be negative (-90).");
        assertThat(rows.card(booking).get("QUOTE")).isEqualTo(new BigDecimal("90.00"));

        long project = create(ConsultingProject.WORKFLOW, "Ops review", null);
        assertEditRefused(project, (card, refs) -> ConsultingProject.FEE.set(card, new BigDecimal("-2500")),
                "Fee cannot be negative (-2500).");
        long campaign = create(Campaign.WORKFLOW, "Spring", null);
        assertEditRefused(campaign, (card, refs) -> Campaign.BUDGET.set(card, new BigDecimal("-1.50")),
                "Budget cannot be negative (-1.50).");
    }

    @Test
    void aZeroAmountIsValid() {
        long id = create(Campaign.WORKFLOW, "Word of mouth", (card, refs) -> Campaign.BUDGET.set(card, BigDecimal.ZERO));
        assertThat(rows.card(id).get("BUDGET")).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aMoveWhoseInputIsInvalidIsRefusedAndWritesNothing() {
        long id = create(Booking.WORKFLOW, "Yoga class", null);
        assertThat(store.service.move(MoveRequest.byEvent(id, "consultation_scheduled", ACTOR)).isDone()).isTrue();
        DbRows.Snapshot before = rows.snapshot(id);
        Outcome o = store.service.move(MoveRequest.byEvent(id, "consultation_completed", ACTOR)
                .with((card, refs) -> Booking.QUOTE.set(card, new BigDecimal("-40"))));
        assertThat(o).isEqualTo(new Outcome.Refused(Outcome.Refusal.INVALID, "Quote cannot be negative (-40)."));
        assertThat(rows.snapshot(id)).isEqualTo(before);
        assertThat(rows.state(id)).isEqualTo("consultation");
    }

    // ---------------------------------------------------------------- e-mail addresses

    @Test
    void aClientWithABadEmailCannotBeOnABooking() {
        long bad = persist(new Client("Noor Haddad", "noor-at-example.com", null)).getId();
        assertCreateRefused(Booking.WORKFLOW, "Retreat for Noor",
                (card, refs) -> Booking.CLIENT.set(card, refs.get(Client.class, bad)),
                "Client e-mail 'noor-at-example.com' is not an e-mail address (expected something like name@example.com).");

        long good = persist(new Client("Sam Lee", "sam@example.com", "+44 20 7946 0958")).getId();
        long id = create(Booking.WORKFLOW, "Retreat for Sam", (card, refs) -> Booking.CLIENT.set(card, refs.get(Client.class, good)));
        assertEditRefused(id, (card, refs) -> Booking.CLIENT.set(card, refs.get(Client.class, bad)),
                "Client e-mail 'noor-at-example.com' is not an e-mail address (expected something like name@example.com).");
        assertThat(rows.card(id).get("CLIENT_ID")).isEqualTo(good);
    }

    @Test
    void aConsultingContactWithABadEmailIsRefused() {
        assertCreateRefused(ConsultingProject.WORKFLOW, "Acme strategy",
                (card, refs) -> ConsultingProject.CONTACT_EMAIL.set(card, "ceo@@acme"),
                "Contact e-mail 'ceo@@acme' is not an e-mail address (expected something like name@example.com).");
        long id = create(ConsultingProject.WORKFLOW, "Acme strategy",
                (card, refs) -> ConsultingProject.CONTACT_EMAIL.set(card, "ceo@acme.example"));
        assertEditRefused(id, (card, refs) -> ConsultingProject.CONTACT_EMAIL.set(card, "ceo at acme"),
                "Contact e-mail 'ceo at acme' is not an e-mail address (expected something like name@example.com).");
        assertThat(rows.card(id).get("CONTACT_EMAIL")).isEqualTo("ceo@acme.example");
    }

    // ---------------------------------------------------------------- exhibitions

    @Test
    void anExhibitionCannotOpenAfterItCloses() {
        CardChange backwards = (card, refs) -> {
            Exhibition.OPENING_DATE.set(card, LocalDate.of(2026, 12, 10));
            Exhibition.CLOSING_DATE.set(card, LocalDate.of(2026, 12, 1));
        };
        String msg = "Opening date (2026-12-10) must not be after closing date (2026-12-01).";
        assertCreateRefused(Exhibition.WORKFLOW, "Tides", backwards, msg);
        long id = create(Exhibition.WORKFLOW, "Tides", (card, refs) -> {
            Exhibition.OPENING_DATE.set(card, LocalDate.of(2026, 12, 1));
            Exhibition.CLOSING_DATE.set(card, LocalDate.of(2026, 12, 1)); // a one-day show is fine
        });
        assertEditRefused(id, (card, refs) -> Exhibition.OPENING_DATE.set(card, LocalDate.of(2026, 12, 10)), msg);
        assertThat(rows.card(id).get("OPENING_DATE")).hasToString("2026-12-01");
    }

    @Test
    void anArtworkMustBeByOneOfTheExhibitionsArtists() {
        long ines = persist(new Artist("Ines Moreau", null)).getId();
        long kofi = persist(new Artist("Kofi Mensah", null)).getId();
        String msg = "Artwork 'Tidal' is by Kofi Mensah, who is not among this exhibition's artists: add the artist first.";
        assertCreateRefused(Exhibition.WORKFLOW, "Coastlines", (card, refs) -> {
            Exhibition e = (Exhibition) card;
            e.addArtist(refs.get(Artist.class, ines));
            e.addArtwork(refs.get(Artist.class, kofi), "Tidal", ArtworkStatus.SUBMITTED);
        }, msg);

        long id = create(Exhibition.WORKFLOW, "Coastlines", (card, refs) -> ((Exhibition) card).addArtist(refs.get(Artist.class, ines)));
        assertEditRefused(id, (card, refs) ->
                ((Exhibition) card).addArtwork(refs.get(Artist.class, kofi), "Tidal", ArtworkStatus.SUBMITTED), msg);
        assertThat(rows.count("SELECT COUNT(*) FROM artwork WHERE exhibition_id = ?", id)).isZero();

        // with the artist added in the same edit, the artwork is accepted
        Outcome o = store.service.edit(id, null, ACTOR, (card, refs) -> {
            ((Exhibition) card).addArtist(refs.get(Artist.class, kofi));
            ((Exhibition) card).addArtwork(refs.get(Artist.class, kofi), "Tidal", ArtworkStatus.SUBMITTED);
        });
        assertThat(o).as(o.message()).isInstanceOf(Outcome.Done.class);
        assertThat(rows.rows("SELECT title, artist_id FROM artwork WHERE exhibition_id = ?", id))
                .containsExactly(Map.of("TITLE", "Tidal", "ARTIST_ID", kofi));
    }

    @Test
    void aReferenceToSomethingThatDoesNotExistIsRefused() {
        long id = create(Exhibition.WORKFLOW, "Nowhere", null);
        assertEditRefused(id, (card, refs) -> ((Exhibition) card).addArtist(refs.get(Artist.class, 987_654L)),
                "There is no artist #987654.");
        assertCreateRefused(Booking.WORKFLOW, "Ghost", (card, refs) -> Booking.CLIENT.set(card, refs.get(Client.class, 987_654L)),
                "There is no client #987654.");
    }

    // ---------------------------------------------------------------- accepted edits

    @Test
    void anAcceptedEditIsAuditedWithOldAndNewValues() {
        long id = create(Booking.WORKFLOW, "Hot stones for Ana", (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("100")));
        long version = rows.version(id);
        Map<String, Long> before = counts();

        Outcome o = store.service.edit(id, version, Actor.staff("ines", Role.MANAGER), (card, refs) -> {
            card.setTitle("Hot stones for Ana (90 min)");
            Booking.QUOTE.set(card, new BigDecimal("120.50"));
        });

        assertThat(o).as(o.message()).isInstanceOf(Outcome.Done.class);
        assertThat(((Outcome.Done) o).version()).isEqualTo(version + 1);
        Map<String, Object> row = rows.card(id);
        assertThat(row.get("TITLE")).isEqualTo("Hot stones for Ana (90 min)");
        assertThat(row.get("QUOTE")).isEqualTo(new BigDecimal("120.50"));
        assertThat(row.get("VERSION")).isEqualTo(version + 1);
        assertThat(row.get("STATE")).isEqualTo("inquiry");

        List<Map<String, Object>> edited = rows.audit(id, "EDITED");
        assertThat(edited).hasSize(1);
        assertThat(edited.get(0).get("ACTOR")).isEqualTo("ines");
        assertThat(edited.get(0).get("DETAILS")).isEqualTo(
                "title: 'Hot stones for Ana' \u2192 'Hot stones for Ana (90 min)'\nquote: '100.00' \u2192 '120.50'");
        assertThat(counts()).containsEntry("audit_entry", before.get("audit_entry") + 1)
                .containsEntry("outbox_event", before.get("outbox_event") + 1)
                .containsEntry("card", before.get("card"));
        assertThat(rows.outbox(id)).extracting(r -> r.get("KIND")).containsExactly("CREATE", "EDIT");
    }

    @Test
    void clearingAFieldIsAuditedToo() {
        long id = create(ConsultingProject.WORKFLOW, "Team retreat design",
                (card, refs) -> ConsultingProject.INVOICE_NUMBER.set(card, "HS-7"));
        Outcome o = store.service.edit(id, null, ACTOR, (card, refs) -> ConsultingProject.INVOICE_NUMBER.set(card, ""));
        assertThat(o.isDone()).as(o.message()).isTrue();
        assertThat(rows.card(id).get("INVOICE_NUMBER")).isNull();
        assertThat(rows.audit(id, "EDITED")).extracting(r -> r.get("DETAILS")).containsExactly("invoice_number: 'HS-7' \u2192 ''");
    }

    @Test
    void anEditThatChangesNothingWritesNothing() {
        long id = create(Booking.WORKFLOW, "Pilates", (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("45.00")));
        DbRows.Snapshot before = rows.snapshot(id);
        Outcome o = store.service.edit(id, null, ACTOR, (card, refs) -> card.setTitle("  Pilates  "));
        assertThat(o).isInstanceOf(Outcome.Done.class);
        assertThat(o.message()).isEqualTo("Nothing changed.");
        assertThat(rows.snapshot(id)).isEqualTo(before);
    }

    @Test
    void reEnteringTheSameAmountIsNotAChange() {
        long id = create(Booking.WORKFLOW, "Float tank", (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("60.00")));
        DbRows.Snapshot before = rows.snapshot(id);
        // the form sends the amount as typed: "60" is the stored 60.00
        Outcome o = store.service.edit(id, null, ACTOR, (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("60")));
        assertThat(o.message()).isEqualTo("Nothing changed.");
        assertThat(rows.snapshot(id)).isEqualTo(before);
        assertThat(rows.audit(id, "EDITED")).isEqualTo(List.of());
    }
}
