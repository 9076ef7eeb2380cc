package network.higherself.console.ui.card;

import network.higherself.console.card.Exhibition;
import network.higherself.console.card.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The card kinds' own checks, run on the form's values before anything is sent. */
class FormCheckTest {

    @Test
    void theKindsOwnChecksRunOnTheFormsValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", "Tidelines");
        values.put("opening_date", LocalDate.of(2026, 12, 10));
        values.put("closing_date", LocalDate.of(2026, 12, 1));
        assertThat(FormCheck.problems(Exhibition.WORKFLOW, values))
                .extracting(p -> p.field().key(), FieldProblem::sentence)
                .containsExactly(tuple("opening_date", "Opening date (2026-12-10) must not be after closing date (2026-12-01)."));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "Access to bookings");
        assertThat(FormCheck.problems("WF-PERM-MGT", request))
                .as("the required staff member is the form's to check, not the throw-away card's; the rest is about no field")
                .extracting(FieldProblem::field, FieldProblem::sentence)
                .containsExactly(tuple(null, "Say what is requested: a role or scopes."));
    }
}
