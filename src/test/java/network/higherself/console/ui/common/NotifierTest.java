package network.higherself.console.ui.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A notification's text is broken into lines a window can hold (a long refusal ran off the screen). */
class NotifierTest {

    @Test
    void aLongRefusalIsBrokenAtSpacesIntoLinesOfTheWidthKeepingItsWordsAndLineBreaks() {
        String refusal = "Deep tissue massage for Ingrid cannot be moved by service_started: Prepare the materials "
                + "for Deep tissue massage (60 min), Remind Ingrid Holm of the appointment on 18 Dec 13:00 "
                + "are still open. Tick them on the booking's checklist first.\nDetails are in the log.";
        String wrapped = Notifier.wrap(refusal, 40);

        assertThat(wrapped.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
        assertThat(wrapped.lines().count()).isGreaterThan(5);
        assertThat(wrapped.replace('\n', ' ')).isEqualTo(refusal.replace('\n', ' '));
        assertThat(wrapped).endsWith("\nDetails are in the log.");
    }

    @Test
    void shortTextAndLongWordsAreLeftAsTheyAre() {
        assertThat(Notifier.wrap("Moved.", 40)).isEqualTo("Moved.");
        assertThat(Notifier.wrap("a " + "x".repeat(50) + " b", 40)).isEqualTo("a\n" + "x".repeat(50) + "\nb");
        assertThat(Notifier.wrap(null, 40)).isEmpty();
    }
}
