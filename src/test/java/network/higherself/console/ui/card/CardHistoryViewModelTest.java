package network.higherself.console.ui.card;

import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.EditDiff;
import network.higherself.console.card.Booking;
import network.higherself.console.card.CardKinds;
import network.higherself.console.cardform.HistoryRow;
import network.higherself.console.ui.common.ImmediateExecutor;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The card dialog's history, without a JavaFX toolkit or a database: the background work is done at once. */
class CardHistoryViewModelTest {

    private static final Workflow BOOKINGS = WorkflowCatalog.bundled().get(Booking.WORKFLOW);

    private final MemoryCardForms forms = new MemoryCardForms();
    private final CardHistoryViewModel model = new CardHistoryViewModel(forms, new ImmediateExecutor(), ZoneOffset.UTC);

    private static HistoryRow row(long seq, String at, String actor, AuditAction action, String from, String to, String event,
                                  String note, String details) {
        return new HistoryRow(seq, Instant.parse(at), actor, action, from, to, event, note, details);
    }

    private static String label(String state) {
        return BOOKINGS.state(state).orElseThrow().label();
    }

    private void show(List<HistoryRow> rows) {
        model.show(BOOKINGS, CardKinds.newCard(Booking.WORKFLOW, "").allFields(), rows);
    }

    @Test
    void theHistoryReadsInLabelsNewestFirst() {
        String quoted = new EditDiff(List.of(new EditDiff.Line("quote", "", "120.00"))).format();
        String edited = new EditDiff(List.of(new EditDiff.Line("amount_paid", "", "120.00"),
                new EditDiff.Line("payment_deadline", "2026-11-05 10:00", ""))).format();
        show(List.of(
                row(1, "2026-11-01T09:00:00Z", "amara", AuditAction.CREATED, null, "inquiry", null, null, null),
                row(2, "2026-11-01T10:30:00Z", "theo", AuditAction.MOVED, "consultation", "quote_provided", "quote_sent",
                        "Sent by e-mail", quoted),
                row(3, "2026-11-02T08:15:00Z", "theo", AuditAction.EDITED, null, null, null, null, edited)));

        assertThat(model.entries()).extracting(CardHistoryViewModel.TimelineEntry::what).containsExactly(
                "Edited: amount paid, payment deadline",
                label("consultation") + " \u2192 " + label("quote_provided"),
                "Created in " + label("inquiry"));
        CardHistoryViewModel.TimelineEntry edit = model.entries().get(0);
        assertThat(edit.details()).containsExactly("Amount paid: \u2013 \u2192 120.00", "Payment deadline: 2026-11-05 10:00 \u2192 \u2013");
        assertThat(edit.when()).isEqualTo("2026-11-02 08:15");
        assertThat(edit.who()).isEqualTo("theo");
        CardHistoryViewModel.TimelineEntry move = model.entries().get(1);
        assertThat(move.details()).containsExactly("Quote sent", "Quote: \u2013 \u2192 120.00");
        assertThat(move.note()).isEqualTo("Sent by e-mail");
    }

    @Test
    void theChecklistsEntriesSayWhatWasMadeAndTicked() {
        show(List.of(
                row(4, "2026-11-02T09:00:00Z", "agent:Ruvo", AuditAction.TASKS_CREATED, null, "preparation", null, null,
                        "Prepare the room\nSet out the materials"),
                row(5, "2026-11-02T09:30:00Z", "theo", AuditAction.TASK_DONE, null, null, null, "Prepare the room", null),
                row(6, "2026-11-02T09:40:00Z", "theo", AuditAction.TASK_REOPENED, null, null, null, "Prepare the room", null)));

        assertThat(model.entries()).extracting(CardHistoryViewModel.TimelineEntry::what).containsExactly(
                "Unticked: Prepare the room", "Ticked: Prepare the room", "Checklist made: 2 tasks");
        assertThat(model.entries()).extracting(CardHistoryViewModel.TimelineEntry::who).containsExactly("theo", "theo", "agent:Ruvo");
        assertThat(model.entries().get(2).details()).containsExactly("Prepare the room", "Set out the materials");
    }

    @Test
    void readAgainItShowsWhatIsStoredAndAFailureIsItsMessage() {
        show(List.of(row(1, "2026-11-01T09:00:00Z", "amara", AuditAction.CREATED, null, "inquiry", null, null, null)));
        forms.history.add(row(1, "2026-11-01T09:00:00Z", "amara", AuditAction.CREATED, null, "inquiry", null, null, null));
        forms.history.add(row(2, "2026-11-02T09:30:00Z", "theo", AuditAction.TASK_DONE, null, null, null, "Prepare the room", null));

        forms.failWith(() -> new IllegalStateException("The database has been closed."));
        model.reload(7);
        assertThat(model.messageProperty().get()).isEqualTo("The history could not be read again: The database has been closed."
                + " Close the card and open it again to see it.");
        assertThat(model.entries()).as("what was shown stays").hasSize(1);

        model.reload(7);
        assertThat(model.messageProperty().get()).isNull();
        assertThat(model.entries()).extracting(CardHistoryViewModel.TimelineEntry::what)
                .containsExactly("Ticked: Prepare the room", "Created in " + label("inquiry"));
    }
}
