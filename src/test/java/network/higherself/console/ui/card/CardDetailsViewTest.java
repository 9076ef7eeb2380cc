package network.higherself.console.ui.card;

import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditEntry;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Client;
import network.higherself.console.card.ConsultingProject;
import network.higherself.console.card.Exhibition;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static network.higherself.console.ui.card.CardFixture.dialogShowing;
import static network.higherself.console.ui.card.CardFixture.replaceText;
import static network.higherself.console.ui.card.CardFixture.text;
import static network.higherself.console.ui.card.CardFixture.visible;
import static network.higherself.console.ui.card.CardFixture.waitFor;
import static network.higherself.console.ui.card.CardFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

@FxTest
class CardDetailsViewTest {

    private static final Actor THEO = Actor.staff("theo", Role.FRONT_DESK);
    private static final Actor PRIYA = Actor.staff("priya", Role.CONSULTANT);
    private static final Actor LUCIA = Actor.staff("lucia", Role.GALLERY_STAFF);
    /** Who saves the form: the person whose board it is. */
    private final java.util.concurrent.atomic.AtomicReference<Actor> acting = new java.util.concurrent.atomic.AtomicReference<>(THEO);

    @TempDir
    Path dir;

    private CardFixture fx;
    private Stage stage;
    private long bookingId;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new CardFixture(dir, acting::get);
        Client ada = new Client("Ada Lovelace", "ada@example.com", "+44 20 7946 0958");
        fx.store.db.sessionFactory().inTransaction(s -> s.persist(ada));
        Outcome created = fx.store.service.create(Booking.WORKFLOW, "Sound bath for two", THEO, (card, refs) -> {
            Booking b = (Booking) card;
            Booking.CLIENT.set(b, refs.get(Client.class, ada.getId()));
            Booking.QUOTE.set(b, new BigDecimal("120.00"));
        });
        bookingId = ((Outcome.Done) created).cardId();
        Theme.applyLight();
        // the console's own window size: a card's dialog (1060x720) is never bigger than the window it opens over
        stage.setScene(new Scene(new StackPane(), 1360, 860));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        fx.closeWindows(robot, stage);
        fx.close();
    }

    private void open(FxRobot robot, long id, Runnable onSaved) {
        robot.interact(() -> fx.editor.openCard(stage, id, onSaved));
        waitFor(robot, "#" + CardDetailsView.FORM_ID);
    }

    private BigDecimal quote() {
        return fx.store.db.sessionFactory().fromSession(s -> Booking.QUOTE.get(s.find(Booking.class, bookingId)));
    }

    @Test
    void changingTheQuoteSavesItAndTheAuditTrailSaysSo(FxRobot robot) {
        AtomicInteger saved = new AtomicInteger();
        open(robot, bookingId, saved::incrementAndGet);
        assertThat(robot.lookup("#field-quote").queryAs(TextField.class).getText()).isEqualTo("120.00");
        assertThat(robot.lookup("#field-client").queryComboBox().getValue()).hasToString("Ada Lovelace  \u00b7  ada@example.com");

        replaceText(robot, "#field-quote", "150.50");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitUntil("the save", () -> saved.get() == 1);

        assertThat(quote()).isEqualByComparingTo("150.50");
        List<AuditEntry> edits = fx.audit(bookingId, AuditAction.EDITED);
        assertThat(edits).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("theo");
            assertThat(e.getDetails()).isEqualTo("quote: '120.00' \u2192 '150.50'");
        });
        assertThat(dialogShowing(robot)).as("the dialog closes once saved").isFalse();
    }

    @Test
    void savingWithoutAChangeWritesNothingAndJustCloses(FxRobot robot) {
        AtomicInteger saved = new AtomicInteger();
        open(robot, bookingId, saved::incrementAndGet);
        replaceText(robot, "#field-quote", "120");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitUntil("the dialog to close", () -> !dialogShowing(robot));
        assertThat(saved.get()).as("120 is the quote it had").isZero();
        assertThat(fx.audit(bookingId, AuditAction.EDITED)).isEmpty();
    }

    @Test
    void aBadAmountIsExplainedAndNothingIsSaved(FxRobot robot) {
        AtomicInteger saved = new AtomicInteger();
        open(robot, bookingId, saved::incrementAndGet);
        replaceText(robot, "#field-quote", "12,5x");
        waitFor(robot, "#field-quote-problem");
        assertThat(text(robot, "#field-quote-problem")).isEqualTo("'12,5x' is not an amount: write it like 120.00");

        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitFor(robot, "#" + CardDetailsView.MESSAGE_ID);
        assertThat(text(robot, "#" + CardDetailsView.MESSAGE_ID))
                .isEqualTo("Nothing was saved. Fix this first: Quote: '12,5x' is not an amount: write it like 120.00");
        assertThat(dialogShowing(robot)).isTrue();
        assertThat(robot.lookup("#field-quote").queryAs(TextField.class).getText()).as("the input is kept").isEqualTo("12,5x");
        assertThat(saved.get()).isZero();
        assertThat(quote()).isEqualByComparingTo("120.00");
        assertThat(fx.audit(bookingId, AuditAction.EDITED)).isEmpty();
    }

    @Test
    void aBadEmailIsExplainedAndNothingIsSaved(FxRobot robot) {
        long project = ((Outcome.Done) fx.store.service.create(ConsultingProject.WORKFLOW, "Brand audit", PRIYA,
                (card, refs) -> ConsultingProject.CONTACT_EMAIL.set(card, "kim@northwind.example"))).cardId();
        acting.set(PRIYA);
        open(robot, project, () -> {
        });
        replaceText(robot, "#field-contact-email", "kim.northwind.example");
        waitFor(robot, "#field-contact-email-problem");
        assertThat(text(robot, "#field-contact-email-problem"))
                .isEqualTo("'kim.northwind.example' is not an e-mail address: write it like name@example.com");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitFor(robot, "#" + CardDetailsView.MESSAGE_ID);
        assertThat(text(robot, "#" + CardDetailsView.MESSAGE_ID)).contains("Contact e-mail: 'kim.northwind.example' is not an e-mail address");
        String email = fx.store.db.sessionFactory().fromSession(s -> ConsultingProject.CONTACT_EMAIL.get(s.find(ConsultingProject.class, project)));
        assertThat(email).isEqualTo("kim@northwind.example");
        assertThat(fx.audit(project, AuditAction.EDITED)).isEmpty();
    }

    @Test
    void datesOutOfOrderAreNamedByTheFieldAndStopTheSave(FxRobot robot) {
        long exhibition = ((Outcome.Done) fx.store.service.create(Exhibition.WORKFLOW, "Tidelines", LUCIA, null)).cardId();
        acting.set(LUCIA);
        open(robot, exhibition, () -> {
        });
        replaceText(robot, "#field-opening-date", "2026-12-10");
        replaceText(robot, "#field-closing-date", "2026-12-01");
        waitFor(robot, "#field-opening-date-problem");
        assertThat(text(robot, "#field-opening-date-problem"))
                .isEqualTo("Opening date (2026-12-10) must not be after closing date (2026-12-01).");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitFor(robot, "#" + CardDetailsView.MESSAGE_ID);
        assertThat(text(robot, "#" + CardDetailsView.MESSAGE_ID)).contains("must not be after closing date");
        LocalDate opening = fx.store.db.sessionFactory().fromSession(s -> Exhibition.OPENING_DATE.get(s.find(Exhibition.class, exhibition)));
        assertThat(opening).isNull();

        replaceText(robot, "#field-closing-date", "2027-01-15");
        waitUntil("the problem to go", () -> !visible(robot, "#field-opening-date-problem"));
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitUntil("the save", () -> !dialogShowing(robot));
        Exhibition saved = fx.store.db.sessionFactory().fromSession(s -> s.find(Exhibition.class, exhibition));
        assertThat(Exhibition.OPENING_DATE.get(saved)).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(Exhibition.CLOSING_DATE.get(saved)).isEqualTo(LocalDate.of(2027, 1, 15));
    }

    @Test
    void someoneElsesChangeFirstIsAConflictAndTheFormKeepsItsInput(FxRobot robot) {
        open(robot, bookingId, () -> {
        });
        Outcome other = fx.store.service.edit(bookingId, null, Actor.staff("jonas", Role.MANAGER),
                (card, refs) -> Booking.AMOUNT_PAID.set(card, new BigDecimal("20.00")));
        assertThat(other.isDone()).isTrue();
        replaceText(robot, "#field-quote", "99.00");
        robot.clickOn("#" + CardDetailsView.SAVE_ID);
        waitFor(robot, "#" + CardDetailsView.MESSAGE_ID);
        assertThat(text(robot, "#" + CardDetailsView.MESSAGE_ID)).startsWith("Someone else changed this booking first");
        assertThat(robot.lookup("#field-quote").queryAs(TextField.class).getText()).isEqualTo("99.00");
        assertThat(quote()).isEqualByComparingTo("120.00");
        assertThat(dialogShowing(robot)).isTrue();
    }

    @Test
    void theHistoryListsTheCardsMovesNewestFirst(FxRobot robot) {
        Actor solari = Actor.agent("Solari");
        assertThat(fx.store.service.move(MoveRequest.byEvent(bookingId, "consultation_scheduled", THEO)
                .withNote("Call booked for Tuesday")).isDone()).isTrue();
        assertThat(fx.store.service.move(MoveRequest.byEvent(bookingId, "consultation_completed", solari)).isDone()).isTrue();
        open(robot, bookingId, () -> {
        });
        assertThat(labels(robot, ".history-what")).as("newest first").containsExactly(
                "Consultation \u2192 Quote provided", "Inquiry \u2192 Consultation", "Created in Inquiry");
        assertThat(labels(robot, ".history-meta")).containsExactly(
                "2026-11-02 09:00  \u00b7  agent:Solari", "2026-11-02 09:00  \u00b7  theo", "2026-11-02 09:00  \u00b7  theo");
        assertThat(labels(robot, ".history-detail")).containsExactly("Consultation completed", "Consultation scheduled");
        assertThat(labels(robot, ".history-note")).containsExactly("\u201cCall booked for Tuesday\u201d");
    }

    @Test
    void anEditShowsInTheHistoryWithWhatChanged(FxRobot robot) {
        assertThat(fx.store.service.edit(bookingId, null, Actor.staff("jonas", Role.MANAGER),
                (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("135.00"))).isDone()).isTrue();
        open(robot, bookingId, () -> {
        });
        assertThat(labels(robot, ".history-what")).containsExactly("Edited: quote", "Created in Inquiry");
        assertThat(labels(robot, ".history-detail")).containsExactly("Quote: 120.00 \u2192 135.00");
    }

    private static List<String> labels(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(javafx.scene.control.Label.class).stream()
                .sorted(java.util.Comparator.comparingDouble(l -> l.localToScene(0, 0).getY()))
                .map(javafx.scene.control.Label::getText).toList();
    }
}
