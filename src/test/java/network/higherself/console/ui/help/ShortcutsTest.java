package network.higherself.console.ui.help;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's keyboard table and the keyboard help sheet say the same: both come from {@link Shortcuts}. */
class ShortcutsTest {

    @Test
    void theReadmesKeyboardTableListsEveryShortcutAndNoOther() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("hsc.project.dir", "."), "README.md"));
        int start = readme.indexOf("### Keyboard");
        assertThat(start).as("the README has a keyboard section").isNotNegative();
        List<String> rows = readme.substring(start).lines().skip(1)
                .dropWhile(l -> !l.startsWith("|"))
                .takeWhile(l -> l.startsWith("|"))
                .skip(2) // the header and its line
                .toList();
        List<String> expected = Shortcuts.ALL.stream()
                .flatMap(section -> section.shortcuts().stream().map(s -> "| " + section.title() + " | "
                        + Shortcuts.markdownKeys(s) + " | " + s.what() + " |"))
                .toList();
        assertThat(rows).containsExactlyElementsOf(expected);
    }
}
