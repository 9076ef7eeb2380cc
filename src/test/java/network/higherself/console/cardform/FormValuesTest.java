package network.higherself.console.cardform;

import network.higherself.console.card.Booking;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.Exhibition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The form's values compared as a person sees them, without a database. */
class FormValuesTest {

    @Test
    void sameComparesAmountsByValueAndReferencesAsSets() {
        CardField quote = field(Booking.WORKFLOW, "quote");
        assertThat(FormValues.same(quote, new BigDecimal("120"), new BigDecimal("120.00"))).isTrue();
        CardField artists = field(Exhibition.WORKFLOW, "artists");
        assertThat(FormValues.same(artists, List.of(new Choice(1, "a"), new Choice(2, "b")),
                List.of(new Choice(2, "b"), new Choice(1, "a")))).isTrue();
        assertThat(FormValues.same(artists, List.of(), null)).isTrue();
        assertThat(FormValues.same(artists, List.of(new Choice(1, "a")), List.of())).isFalse();
    }

    private static CardField field(String workflowId, String key) {
        return CardKinds.fields(workflowId).stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }
}
