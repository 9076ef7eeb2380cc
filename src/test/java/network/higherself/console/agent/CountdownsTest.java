package network.higherself.console.agent;

import network.higherself.console.card.CardDates;
import network.higherself.console.card.Booking;
import network.higherself.console.card.ConsultingProject;
import network.higherself.console.card.ContentPiece;
import network.higherself.console.card.Exhibition;
import network.higherself.console.card.PermissionRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The countdown on a card that waits for time: a pure function of workflow, state, dates and now. */
class CountdownsTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z"); // 10:00 in Berlin

    static CardDates booking(String deadline, String service) {
        return new CardDates(deadline == null ? null : LocalDateTime.parse(deadline), service == null ? null : LocalDateTime.parse(service),
                null, null, null, null, NOW);
    }

    static CardDates exhibition(String submission, String opening, String closing) {
        return new CardDates(null, null, LocalDate.parse(submission), LocalDate.parse(opening), LocalDate.parse(closing), null, NOW);
    }

    @Test
    void saysWhatHappensAndHowSoon() {
        assertThat(Countdowns.of(Booking.WORKFLOW, "payment_pending", booking("2026-11-02T12:30", null), NOW, BERLIN))
                .hasValue("payment times out in 2 h");
        assertThat(Countdowns.of(Booking.WORKFLOW, "booking_confirmed", booking(null, "2026-11-04T10:20"), NOW, BERLIN))
                .hasValue("preparation starts in 20 min");
        assertThat(Countdowns.of(Exhibition.WORKFLOW, "setup", exhibition("2026-10-01", "2026-11-05", "2026-12-01"), NOW, BERLIN))
                .hasValue("opens in 2 d"); // 2 d 14 h, rounded down
        assertThat(Countdowns.of(Exhibition.WORKFLOW, "active", exhibition("2026-10-01", "2026-10-05", "2026-11-03"), NOW, BERLIN))
                .hasValue("closes in 14 h");
        assertThat(Countdowns.of(ContentPiece.WORKFLOW, "scheduling",
                new CardDates(null, null, null, null, null, LocalDateTime.parse("2026-11-02T10:00:30"), NOW), NOW, BERLIN))
                .hasValue("publishes in under a minute");
        assertThat(Countdowns.of(PermissionRequest.WORKFLOW, "active", CardDates.NONE.withStateSince(NOW.minus(Duration.ofDays(80))),
                NOW, BERLIN)).hasValue("audit due in 10 d");
    }

    @Test
    void aSubmissionDeadlineRunsToTheEndOfItsDay() {
        CardDates today = exhibition("2026-11-02", "2026-12-01", "2026-12-20");
        assertThat(Countdowns.of(Exhibition.WORKFLOW, "artwork_submission", today, NOW, BERLIN)).hasValue("submissions close in 14 h");
        Instant midnight = LocalDate.parse("2026-11-03").atStartOfDay(BERLIN).toInstant();
        assertThat(Countdowns.of(Exhibition.WORKFLOW, "artwork_submission", today, midnight, BERLIN)).hasValue("submissions have closed");
    }

    @Test
    void onceDueItSaysSoUntilTheAgentHasActed() {
        assertThat(Countdowns.of(Booking.WORKFLOW, "payment_pending", booking("2026-11-02T10:00", null), NOW, BERLIN))
                .hasValue("payment deadline passed");
        assertThat(Countdowns.of(Exhibition.WORKFLOW, "setup", exhibition("2026-10-01", "2026-11-02", "2026-12-01"), NOW, BERLIN))
                .hasValue("opening is due");
    }

    @Test
    void theZoneDecidesWhenALocalDateTimeComes() {
        CardDates d = booking("2026-11-02T12:00", null);
        assertThat(Countdowns.of(Booking.WORKFLOW, "payment_pending", d, NOW, BERLIN)).hasValue("payment times out in 2 h");
        assertThat(Countdowns.of(Booking.WORKFLOW, "payment_pending", d, NOW, ZoneOffset.UTC)).hasValue("payment times out in 3 h");
    }

    @Test
    void nothingForCardsThatWaitForNoTime() {
        assertThat(Countdowns.of(Booking.WORKFLOW, "payment_pending", booking(null, "2026-11-10T10:00"), NOW, BERLIN)).isEmpty();
        assertThat(Countdowns.of(Booking.WORKFLOW, "inquiry", booking("2026-11-03T10:00", "2026-11-10T10:00"), NOW, BERLIN)).isEmpty();
        assertThat(Countdowns.of(ConsultingProject.WORKFLOW, "execution", CardDates.NONE.withStateSince(NOW), NOW, BERLIN)).isEmpty();
    }

    @Test
    void timeLeftIsShortAndRoundedDown() {
        assertThat(Countdowns.left(Duration.ofSeconds(59))).isEqualTo("under a minute");
        assertThat(Countdowns.left(Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("59 min");
        assertThat(Countdowns.left(Duration.ofHours(2).plusMinutes(59))).isEqualTo("2 h");
        assertThat(Countdowns.left(Duration.ofHours(47))).isEqualTo("47 h");
        assertThat(Countdowns.left(Duration.ofHours(72))).isEqualTo("3 d");
    }
}
