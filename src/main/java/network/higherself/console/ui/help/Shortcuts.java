package network.higherself.console.ui.help;

import java.util.List;

/**
 * Every keyboard shortcut of the console, in one list: the keyboard help sheet shows it, and the README's keyboard
 * table must name each one (ShortcutsTest reads the README). A shortcut added to a view is added here.
 */
public final class Shortcuts {

    /** One shortcut: the keys (any of them does it, e.g. {@code F1} or {@code ?}) and what it does. */
    public record Shortcut(List<String> keys, String what) {
        public Shortcut {
            keys = List.copyOf(keys);
        }
    }

    /** The shortcuts of one place of the console. */
    public record Section(String title, List<Shortcut> shortcuts) {
        public Section {
            shortcuts = List.copyOf(shortcuts);
        }
    }

    public static final List<Section> ALL = List.of(
            new Section("Anywhere in the window", List.of(
                    new Shortcut(List.of("F1", "?"), "Show this keyboard help"),
                    new Shortcut(List.of("Ctrl+Shift+F"), "Search the cards of every board you may view, and open one on its board"),
                    new Shortcut(List.of("Ctrl+B"), "Hide the sidebar, or show it again (remembered)"))),
            new Section("On a board", List.of(
                    new Shortcut(List.of("Left", "Right"), "Go to the card beside, in the next column that has cards (with swimlanes: in the same lane)"),
                    new Shortcut(List.of("Up", "Down"), "Go to the card above or below (with swimlanes: on into the lane above or below)"),
                    new Shortcut(List.of("Shift+Up", "Shift+Down"), "Select several cards of the column (or Shift-click, Ctrl-click)"),
                    new Shortcut(List.of("M"), "Move the selected cards: the events their workflow allows from their column"),
                    new Shortcut(List.of("Enter"), "Open the selected card"),
                    new Shortcut(List.of("Ctrl+Up", "Ctrl+Down"), "Move the selected card one place up or down its column"),
                    new Shortcut(List.of("Ctrl+F"), "Search the board's cards"),
                    new Shortcut(List.of("Esc"), "In the search field: clear the search and go back to the cards"),
                    new Shortcut(List.of("Ctrl+N"), "Make a new card on the board"),
                    new Shortcut(List.of("Ctrl+Z"), "Take back your last move on the board (for 10 minutes; later, a manager can)"),
                    new Shortcut(List.of("Ctrl+="), "Zoom the board in (remembered per board)"),
                    new Shortcut(List.of("Ctrl+-"), "Zoom the board out"),
                    new Shortcut(List.of("Ctrl+0"), "Show the board at its actual size"))),
            new Section("Workflow and charts", List.of(
                    new Shortcut(List.of("Enter"), "In the slowest cards: open the selected card"))));

    private Shortcuts() {
    }

    /** The shortcut's keys as the README's table writes them: {@code `F1` or `?`}. */
    public static String markdownKeys(Shortcut s) {
        return String.join(" or ", s.keys().stream().map(k -> "`" + k + "`").toList());
    }
}
