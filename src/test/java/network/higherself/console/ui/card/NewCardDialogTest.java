package network.higherself.console.ui.card;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.card.Artist;
import network.higherself.console.card.ArtworkStatus;
import network.higherself.console.card.AudienceSegment;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Campaign;
import network.higherself.console.card.Card;
import network.higherself.console.card.Client;
import network.higherself.console.card.Exhibition;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static network.higherself.console.ui.card.CardFixture.dialogShowing;
import static network.higherself.console.ui.card.CardFixture.replaceText;
import static network.higherself.console.ui.card.CardFixture.text;
import static network.higherself.console.ui.card.CardFixture.waitFor;
import static network.higherself.console.ui.card.CardFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

@FxTest
class NewCardDialogTest {

    private static final Actor LUCIA = Actor.staff("lucia", Role.GALLERY_STAFF);
    /** Who saves the form: the person whose board it is. */
    private final java.util.concurrent.atomic.AtomicReference<Actor> acting = new java.util.concurrent.atomic.AtomicReference<>(LUCIA);

    @TempDir
    Path dir;

    private CardFixture fx;
    private Stage stage;
    private Artist mira;
    private Artist jon;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new CardFixture(dir, acting::get);
        mira = new Artist("Mira Okafor", "mira@example.com");
        jon = new Artist("Jon Ekwueme", null);
        fx.store.db.sessionFactory().inTransaction(s -> {
            s.persist(mira);
            s.persist(jon);
            s.persist(new Client("Ada Lovelace", "ada@example.com", null));
            s.persist(new AudienceSegment("Collectors"));
            s.persist(new AudienceSegment("Locals"));
        });
        Theme.applyLight();
        // a window of the size the console is made for: a dialog is never bigger than the window it opens over
        stage.setScene(new Scene(new StackPane(), 1024, 768));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        fx.closeWindows(robot, stage);
        fx.close();
    }

    private void create(FxRobot robot, String workflowId, AtomicLong created) {
        robot.interact(() -> fx.editor.createCard(stage, fx.store.workflows.get(workflowId), created::set));
        waitFor(robot, "#" + CardDetailsView.FORM_ID);
    }

    private <T extends Card> T card(Class<T> type, long id) {
        return fx.store.db.sessionFactory().fromSession(s -> s.find(type, id));
    }

    @Test
    void aNewExhibitionStartsInTheFirstColumnWithWhatWasTyped(FxRobot robot) {
        AtomicLong created = new AtomicLong();
        create(robot, Exhibition.WORKFLOW, created);
        assertThat(text(robot, ".card-heading")).isEqualTo("New exhibition");
        assertThat(text(robot, ".card-state")).isEqualTo("starts in Concept");
        robot.clickOn("#field-title").write("Tidelines");
        robot.clickOn("#field-curator").write("Ines Duarte");
        robot.clickOn("#field-opening-date").write("2026-12-10");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitUntil("the exhibition to be created", () -> created.get() != 0);

        Exhibition e = card(Exhibition.class, created.get());
        assertThat(e.getTitle()).isEqualTo("Tidelines");
        assertThat(e.getState()).isEqualTo("concept");
        assertThat(Exhibition.CURATOR.get(e)).isEqualTo("Ines Duarte");
        assertThat(Exhibition.OPENING_DATE.get(e)).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(fx.audit(created.get(), AuditAction.CREATED)).singleElement()
                .satisfies(a -> assertThat(a.getActor()).isEqualTo("lucia"));
        assertThat(dialogShowing(robot)).isFalse();
    }

    @Test
    void withoutATitleNothingIsCreatedAndTheFormSaysWhy(FxRobot robot) {
        AtomicLong created = new AtomicLong();
        create(robot, Exhibition.WORKFLOW, created);
        robot.clickOn("#field-curator").write("Ines Duarte");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitFor(robot, "#" + CardDetailsView.MESSAGE_ID);
        assertThat(text(robot, "#" + CardDetailsView.MESSAGE_ID)).isEqualTo("Nothing was saved. Fix this first: Title is required: fill it in.");
        assertThat(text(robot, "#field-title-problem")).isEqualTo("Title is required: fill it in.");
        long cards = fx.store.db.sessionFactory().fromSession(s -> s.createSelectionQuery("select count(c) from Card c", Long.class).getSingleResult());
        assertThat(cards).isZero();
        robot.clickOn("#field-title").write("Tidelines");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitUntil("the exhibition to be created", () -> created.get() != 0);
        assertThat(Exhibition.CURATOR.get(card(Exhibition.class, created.get()))).as("nothing typed was lost").isEqualTo("Ines Duarte");
    }

    @Test
    void artistsAndTheirArtworksAreSavedTogether(FxRobot robot) {
        AtomicLong created = new AtomicLong();
        create(robot, Exhibition.WORKFLOW, created);
        robot.clickOn("#field-title").write("Paper Cities");
        RowEditors.Artworks artworks = (RowEditors.Artworks) editorOf(robot, "artworks");
        assertThat(artworks.offeredArtists()).as("no artist chosen yet: none to offer").isEmpty();

        robot.clickOn("#field-artists");
        robot.clickOn("Mira Okafor");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil("the artist to be offered", () -> artworks.offeredArtists().size() == 1);

        robot.clickOn("#field-artworks-add");
        robot.write("Folded Harbour");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitUntil("the exhibition to be created", () -> created.get() != 0);

        fx.store.db.sessionFactory().inSession(s -> {
            Exhibition e = s.find(Exhibition.class, created.get());
            assertThat(e.getArtists()).extracting(Artist::getName).containsExactly("Mira Okafor");
            assertThat(e.getArtworks()).singleElement().satisfies(a -> {
                assertThat(a.getTitle()).isEqualTo("Folded Harbour");
                assertThat(a.getArtist().getName()).isEqualTo("Mira Okafor");
                assertThat(a.getStatus()).isEqualTo(ArtworkStatus.SUBMITTED);
            });
        });
    }

    @Test
    void aBookingTakesItsClientFromTheList(FxRobot robot) {
        AtomicLong created = new AtomicLong();
        acting.set(Actor.staff("theo", Role.FRONT_DESK));
        create(robot, Booking.WORKFLOW, created);
        robot.clickOn("#field-title").write("Reiki, first session");
        ComboBox<Object> client = robot.lookup("#field-client").queryComboBox();
        assertThat(client.getItems()).as("what the list offers").extracting(i -> client.getConverter().toString(i))
                .containsExactly("\u2014", "Ada Lovelace  \u00b7  ada@example.com");
        robot.clickOn("#field-client");
        robot.clickOn("Ada Lovelace  \u00b7  ada@example.com");
        robot.clickOn("#field-service-at").write("2026-12-03");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitFor(robot, "#" + CardDetailsView.MESSAGE_ID);
        assertThat(text(robot, "#" + CardDetailsView.MESSAGE_ID)).contains("Add the time as well, like 14:30");
        robot.clickOn("#field-service-at-time").write("14:30");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitUntil("the booking to be created", () -> created.get() != 0);
        fx.store.db.sessionFactory().inSession(s -> {
            Booking b = s.find(Booking.class, created.get());
            assertThat(Booking.CLIENT.get(b).getName()).isEqualTo("Ada Lovelace");
            assertThat(Booking.SERVICE_AT.get(b)).isEqualTo(LocalDate.of(2026, 12, 3).atTime(14, 30));
            assertThat(b.getState()).isEqualTo("inquiry");
        });
    }

    @Test
    void aBookingForSomeoneNewAddsTheClientFromItsFormWhenTheBookingIsSaved(FxRobot robot) {
        AtomicLong created = new AtomicLong();
        acting.set(Actor.staff("theo", Role.FRONT_DESK));
        create(robot, Booking.WORKFLOW, created);
        robot.clickOn("#field-title").write("Sound bath for Grace");
        robot.clickOn("#" + FieldEditors.NEW_CLIENT_ID);
        waitFor(robot, "#new-client-name");
        robot.clickOn("#new-client-name").write("Ada Lovelace");
        robot.clickOn("Use this client");
        waitFor(robot, "#new-client-problem");
        assertThat(text(robot, "#new-client-problem"))
                .isEqualTo("A client called 'Ada Lovelace' is already on the list: cancel, and pick them there.");
        replaceText(robot, "#new-client-name", "Grace Hopper");
        robot.clickOn("#new-client-email").write("grace at navy");
        robot.clickOn("Use this client");
        assertThat(text(robot, "#new-client-problem")).isEqualTo(
                "Client e-mail 'grace at navy' is not an e-mail address (expected something like name@example.com).");
        CardFixture.snapshot(robot, "#new-client-name", "new-client-refused.png");
        replaceText(robot, "#new-client-email", "grace@navy.example");
        robot.clickOn("Use this client");
        waitUntil("the client dialog to close", () -> robot.lookup("#new-client-name").tryQuery().isEmpty());
        ComboBox<Object> client = robot.lookup("#field-client").queryComboBox();
        assertThat(client.getConverter().toString(client.getValue())).isEqualTo("Grace Hopper  \u00b7  grace@navy.example (new)");
        CardFixture.snapshot(robot, "#field-client", "new-client-in-form.png");
        long before = fx.store.db.sessionFactory().fromSession(s -> s.createSelectionQuery("select count(c) from Client c", Long.class)
                .getSingleResult());
        assertThat(before).as("nothing added before the booking is saved").isEqualTo(1);

        robot.clickOn("#field-service-at").write("2026-12-03");
        robot.clickOn("#field-service-at-time").write("10:00");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitUntil("the booking to be created", () -> created.get() != 0);
        fx.store.db.sessionFactory().inSession(s -> {
            Client grace = Booking.CLIENT.get(s.find(Booking.class, created.get()));
            assertThat(grace.getName()).isEqualTo("Grace Hopper");
            assertThat(grace.getEmail()).isEqualTo("grace@navy.example");
        });
    }

    @Test
    void theAssigneeIsPickedFromTheStaffSoANameNoAccountHasCannotBeGiven(FxRobot robot) {
        fx.store.staff("theo", Role.FRONT_DESK);
        fx.store.staff("amara", Role.ADMINISTRATOR);
        AtomicLong created = new AtomicLong();
        acting.set(Actor.staff("theo", Role.FRONT_DESK));
        create(robot, Booking.WORKFLOW, created);
        robot.clickOn("#field-title").write("Sound bath for two");
        ComboBox<Object> assignee = robot.lookup("#field-assignee").queryComboBox();
        assertThat(assignee.isEditable()).as("nothing to type a name into").isFalse();
        assertThat(assignee.getItems()).as("what the list offers").extracting(i -> assignee.getConverter().toString(i))
                .containsExactly("Unassigned", "amara (amara, Administrator)", "theo (theo, Front desk)");
        robot.clickOn("#field-assignee");
        robot.clickOn("theo (theo, Front desk)");
        robot.clickOn("#field-service-at").write("2026-12-03");
        robot.clickOn("#field-service-at-time").write("10:00");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitUntil("the booking to be created", () -> created.get() != 0);
        assertThat(card(Booking.class, created.get()).getAssignee()).isEqualTo("theo");
    }

    @Test
    void aCampaignsSegmentsAreTickedInAList(FxRobot robot) {
        AtomicLong created = new AtomicLong();
        acting.set(Actor.staff("malik", Role.MARKETING));
        create(robot, Campaign.WORKFLOW, created);
        robot.clickOn("#field-title").write("Winter open studios");
        robot.clickOn("#field-segments");
        robot.clickOn("Locals");
        robot.clickOn("Collectors");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        robot.clickOn("#field-budget").write("-40");
        waitFor(robot, "#field-budget-problem");
        assertThat(text(robot, "#field-budget-problem")).isEqualTo("An amount cannot be negative ('-40'): write it like 120.00");
        replaceText(robot, "#field-budget", "2500");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitUntil("the campaign to be created", () -> created.get() != 0);
        fx.store.db.sessionFactory().inSession(s -> {
            Campaign c = s.find(Campaign.class, created.get());
            assertThat(c.getSegments()).extracting(AudienceSegment::getName).containsExactly("Collectors", "Locals");
            assertThat(Campaign.BUDGET.get(c)).isEqualByComparingTo("2500");
        });
    }

    private static FieldEditor editorOf(FxRobot robot, String key) {
        List<FieldEditor> found = new java.util.ArrayList<>();
        robot.interact(() -> {
            // the view keeps its editors; find the one whose control carries the field's id
            javafx.scene.Node n = robot.lookup("#" + FieldEditors.controlId(key) + "-add").query();
            found.add((FieldEditor) n.getProperties().get(FieldEditors.EDITOR_KEY));
        });
        return found.get(0);
    }
}
