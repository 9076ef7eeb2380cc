package network.higherself.console.ui.card;

import network.higherself.console.card.Booking;
import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.ui.common.ImmediateExecutor;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The card dialog's form, without a JavaFX toolkit or a database: the background work is done at once. */
class CardFormViewModelTest {

    private static final Workflow BOOKINGS = WorkflowCatalog.bundled().get(Booking.WORKFLOW);
    private static final Actor THEO = Actor.staff("theo", Role.FRONT_DESK);

    private final MemoryCardForms forms = new MemoryCardForms();
    private final List<Long> done = new ArrayList<>();
    private final List<String> closedUnchanged = new ArrayList<>();

    private CardFormViewModel bookingAtVersion(long version) {
        forms.holding(MemoryCardForms.form(7L, Booking.WORKFLOW, "quote_provided", version,
                Map.of(Card.TITLE, "Reiki for Nora", Booking.QUOTE, new BigDecimal("100.00"))));
        CardFormViewModel model = new CardFormViewModel(forms, new ImmediateExecutor(), () -> THEO, 7L);
        model.show(forms.load(7), BOOKINGS);
        return model;
    }

    private void save(CardFormViewModel model) {
        model.save(done::add, () -> closedUnchanged.add("closed"));
    }

    @Test
    void aSaveSendsOnlyWhatWasChangedAtTheVersionThePersonSaw() {
        CardFormViewModel model = bookingAtVersion(3);
        assertThat(model.phaseProperty().get()).isEqualTo(CardFormViewModel.Phase.READY);

        model.field("quote").valueProperty().set(new BigDecimal("120.00"));
        save(model);

        assertThat(forms.writes).hasSize(1);
        MemoryCardForms.Write w = forms.writes.get(0);
        assertThat(w.cardId()).isEqualTo(7L);
        assertThat(w.versionSeen()).isEqualTo(3L);
        assertThat(w.actor()).isEqualTo(THEO);
        assertThat(w.values()).containsOnlyKeys(Booking.QUOTE).containsEntry(Booking.QUOTE, new BigDecimal("120.00"));
        assertThat(done).containsExactly(7L);
        assertThat(model.phaseProperty().get()).isEqualTo(CardFormViewModel.Phase.DONE);
        assertThat(model.messageProperty().get()).isNull();
    }

    @Test
    void theSameAmountWrittenAnotherWayIsNoChangeAndNothingIsWritten() {
        CardFormViewModel model = bookingAtVersion(3);
        model.field("quote").valueProperty().set(new BigDecimal("100"));
        save(model);

        assertThat(forms.writes).isEmpty();
        assertThat(closedUnchanged).containsExactly("closed");
        assertThat(done).isEmpty();
    }

    @Test
    void aRefusalIsTheFormsMessageAndTheChangesStayInTheForm() {
        CardFormViewModel model = bookingAtVersion(3);
        forms.holding(MemoryCardForms.form(7L, Booking.WORKFLOW, "quote_provided", 4, Map.of())); // someone saved first
        model.field("quote").valueProperty().set(new BigDecimal("120.00"));
        save(model);

        assertThat(model.messageProperty().get()).startsWith("Someone else changed this booking first");
        assertThat(model.phaseProperty().get()).as("the form can be saved again").isEqualTo(CardFormViewModel.Phase.READY);
        assertThat(model.field("quote").valueProperty().get()).isEqualTo(new BigDecimal("120.00"));
        assertThat(done).isEmpty();
    }

    @Test
    void aWrongInputIsNamedAndNothingIsSent() {
        CardFormViewModel model = bookingAtVersion(3);
        model.field("quote").inputProblemProperty().set("'12,5x' is not an amount: write it like 120.50.");
        save(model);

        assertThat(forms.writes).isEmpty();
        assertThat(model.messageProperty().get())
                .isEqualTo("Nothing was saved. Fix this first: Quote: '12,5x' is not an amount: write it like 120.50.");
        assertThat(model.saveAttemptedProperty().get()).as("every problem shows from now on").isTrue();
        assertThat(model.field("quote").problem()).startsWith("'12,5x' is not an amount");
    }

    @Test
    void theKindsOwnRuleLandsOnItsFieldAsThePersonTypes() {
        CardFormViewModel model = bookingAtVersion(3);
        model.field("service_at").valueProperty().set(LocalDateTime.parse("2026-11-10T10:00"));
        model.field("payment_deadline").valueProperty().set(LocalDateTime.parse("2026-11-12T10:00"));

        assertThat(model.field("payment_deadline").formProblemProperty().get())
                .startsWith("Payment deadline (2026-11-12T10:00) must not be after service date");
        assertThat(model.field("quote").problem()).isNull();

        save(model);
        assertThat(forms.writes).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Nothing was saved. Fix this first: Payment deadline");

        model.field("payment_deadline").valueProperty().set(LocalDateTime.parse("2026-11-08T10:00"));
        assertThat(model.field("payment_deadline").problem()).isNull();
        save(model);
        assertThat(forms.writes).hasSize(1);
        assertThat(forms.writes.get(0).values()).containsOnlyKeys(Booking.SERVICE_AT, Booking.PAYMENT_DEADLINE);
    }

    @Test
    void aFailureSaysSoAndKeepsTheChanges() {
        CardFormViewModel model = bookingAtVersion(3);
        model.field("quote").valueProperty().set(new BigDecimal("120.00"));
        forms.failWith(() -> new UncheckedIOException(new java.io.IOException("No space left on device")));
        save(model);

        assertThat(model.messageProperty().get()).startsWith("The booking could not be saved: ")
                .contains("No space left on device").endsWith("Your changes are still in the form: try again, and if it keeps failing, see the log.");
        assertThat(model.phaseProperty().get()).isEqualTo(CardFormViewModel.Phase.READY);
        assertThat(model.field("quote").valueProperty().get()).isEqualTo(new BigDecimal("120.00"));

        save(model); // tried again: it goes through
        assertThat(done).containsExactly(7L);
        assertThat(model.messageProperty().get()).isNull();
    }

    @Test
    void aNewCardSendsTheFieldsThatAreFilledIn() {
        CardFormViewModel model = new CardFormViewModel(forms, new ImmediateExecutor(), () -> THEO, null);
        model.show(forms.blank(Booking.WORKFLOW), BOOKINGS);

        save(model);
        assertThat(forms.writes).as("a title is required").isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Nothing was saved. Fix this first: Title is required.");

        model.field("title").valueProperty().set("Sound bath for Ada");
        model.field("room").valueProperty().set("Garden room");
        save(model);

        assertThat(forms.writes).hasSize(1);
        Map<CardField<?>, Object> sent = forms.writes.get(0).values();
        assertThat(sent).containsEntry(Card.TITLE, "Sound bath for Ada").containsEntry(Booking.ROOM, "Garden room");
        assertThat(sent.values()).as("nothing empty is sent").allSatisfy(v -> assertThat(v).isNotNull());
        assertThat(done).containsExactly(41L);
    }
}
