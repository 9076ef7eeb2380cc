package network.higherself.console.card;

import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventInputsTest {

    private static final WorkflowCatalog WORKFLOWS = WorkflowCatalog.bundled();

    @Test
    void everyInputIsTheNoteOrAFieldOfTheKindAndEveryAskingEventExists() {
        for (Workflow w : WORKFLOWS.all()) {
            Card card = CardKinds.newCard(w.id(), "x");
            for (String event : w.events()) {
                for (EventInput input : card.inputsFor(event)) {
                    assertThat(input.isNote() || card.field(input.fieldKey()).isPresent())
                            .as(w.id() + " " + event + " asks for " + input.fieldKey()).isTrue();
                    assertThat(input.label()).isNotBlank();
                }
            }
        }
    }

    @Test
    void bookingsAskForQuoteReasonAndPayment() {
        assertThat(keys(Booking.WORKFLOW, "consultation_completed")).containsExactly("quote");
        assertThat(keys(Booking.WORKFLOW, "client_declined_quote")).containsExactly("cancel_reason");
        assertThat(keys(Booking.WORKFLOW, "payment_received")).containsExactly("amount_paid");
        assertThat(keys(Booking.WORKFLOW, "consultation_scheduled")).isEmpty();
    }

    @Test
    void projectsAskForFeeInvoiceAndPayment() {
        assertThat(keys(ConsultingProject.WORKFLOW, "terms_agreed")).containsExactly("fee");
        assertThat(keys(ConsultingProject.WORKFLOW, "invoice_sent")).containsExactly("invoice_number");
        assertThat(keys(ConsultingProject.WORKFLOW, "payment_received")).containsExactly("amount_paid");
    }

    @Test
    void reviewsAndDenialsAskWhy() {
        for (String e : List.of("changes_requested", "client_changes_requested", "test_failures")) {
            assertThat(keys(InterfaceRelease.WORKFLOW, e)).as(e).containsExactly("reviewer_notes");
        }
        for (String e : List.of("pattern_not_authorized", "permission_denied", "validation_failed")) {
            assertThat(keys(AgentMessage.WORKFLOW, e)).as(e).containsExactly("denial_reason");
        }
        assertThat(CardKinds.newCard(ContentPiece.WORKFLOW, "x").inputsFor("changes_requested"))
                .singleElement().satisfies(i -> {
                    assertThat(i.isNote()).isTrue();
                    assertThat(i.required()).isTrue();
                });
        assertThat(CardKinds.newCard(PermissionRequest.WORKFLOW, "x").inputsFor("additional_info_needed"))
                .singleElement().extracting(EventInput::isNote).isEqualTo(true);
        assertThat(keys(Exhibition.WORKFLOW, "concept_approved")).isEmpty();
        assertThat(keys(Campaign.WORKFLOW, "segments_defined")).isEmpty();
    }

    private static List<String> keys(String workflowId, String event) {
        return CardKinds.newCard(workflowId, "x").inputsFor(event).stream().map(EventInput::fieldKey).toList();
    }
}
