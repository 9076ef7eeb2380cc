package network.higherself.console.ui.errors;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an unexpected error's dialog says, without a screen. */
class UnexpectedErrorViewModelTest {

    @Test
    void theSentenceNamesThePlaceInWordsNeverTheClassOrTheMessage() {
        String said = UnexpectedErrorViewModel.whatHappened(new NullPointerException("secret internal state"));
        assertThat(said).startsWith("Something went wrong in the unexpected error view model test that the console did not expect.")
                .doesNotContain("NullPointerException").doesNotContain("secret internal state");
    }

    @Test
    void runningOutOfMemoryTellsToStartAgain() {
        assertThat(UnexpectedErrorViewModel.whatHappened(new OutOfMemoryError("Java heap space")))
                .isEqualTo("The console ran out of memory. What you did last may not have been saved: close the "
                        + "console and start it again, then check it.");
    }

    @Test
    void copyingPutsTheVersionThreadAndStackOnTheClipboardAndLaterErrorsAreCounted() {
        List<String> clipboard = new ArrayList<>();
        UnexpectedErrorViewModel model = new UnexpectedErrorViewModel(new IllegalStateException("x"), "worker", "1.2.3",
                "The details are in the log.", clipboard::add);
        assertThat(model.copiedProperty().get()).isFalse();
        model.copyDetails();
        assertThat(clipboard).singleElement().asString().startsWith("Higher Self Console 1.2.3")
                .contains("Thread: worker").contains("java.lang.IllegalStateException: x");
        assertThat(model.copiedProperty().get()).isTrue();

        assertThat(UnexpectedErrorViewModel.moreSentence(model.moreProperty().get())).isEmpty();
        model.anotherOccurred();
        model.anotherOccurred();
        assertThat(UnexpectedErrorViewModel.moreSentence(model.moreProperty().get()))
                .isEqualTo("2 more problems happened since; their details are written down too.");
    }
}
