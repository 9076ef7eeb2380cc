package network.higherself.console.ui.board;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How a board is laid out for the person, remembered per board: its zoom ({@code Ctrl+-}, {@code Ctrl+=},
 * {@code Ctrl+0}), a compact density, "fit the workflow" (every column shares the window's width) and which columns
 * are collapsed to a narrow strip. What it reads and writes is text under short keys; the window keeps it with its
 * other settings.
 */
public final class BoardLayout {

    /** The keys under which a board's layout is kept (the window puts the board's id before them). */
    static final String ZOOM = "zoom";
    static final String COMPACT = "compact";
    static final String FIT = "fit";
    static final String COLLAPSED = "collapsed";

    static final double MIN_ZOOM = 0.6;
    static final double MAX_ZOOM = 1.6;
    private static final double STEP = 0.1;

    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final BooleanProperty compact = new SimpleBooleanProperty();
    private final BooleanProperty fit = new SimpleBooleanProperty();
    private final ObservableSet<String> collapsed = FXCollections.observableSet(new TreeSet<>());

    /** 1 is the theme's size; at most {@value #MAX_ZOOM}, at least {@value #MIN_ZOOM}. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public BooleanProperty compactProperty() {
        return compact;
    }

    public BooleanProperty fitProperty() {
        return fit;
    }

    /** The states whose columns show as a narrow strip (name and count); they still take drops. */
    public ObservableSet<String> collapsed() {
        return collapsed;
    }

    public void zoomIn() {
        zoom.set(clamp(zoom.get() + STEP));
    }

    public void zoomOut() {
        zoom.set(clamp(zoom.get() - STEP));
    }

    public void resetZoom() {
        zoom.set(1);
    }

    public void toggleCollapsed(String state) {
        if (!collapsed.remove(state)) {
            collapsed.add(state);
        }
    }

    /** "120 %": the zoom as the person reads it. */
    public String zoomText() {
        return Math.round(zoom.get() * 100) + " %";
    }

    /** Takes what was kept ({@code saved} answers null for what was not); a value that cannot be read is left as it is. */
    public void restore(Function<String, String> saved) {
        String z = saved.apply(ZOOM);
        if (z != null) {
            try {
                zoom.set(clamp(Double.parseDouble(z)));
            } catch (NumberFormatException e) {
                // a hand-edited settings file: the zoom stays at 100 %
            }
        }
        compact.set(Boolean.parseBoolean(saved.apply(COMPACT)));
        fit.set(Boolean.parseBoolean(saved.apply(FIT)));
        String c = saved.apply(COLLAPSED);
        collapsed.clear();
        if (c != null && !c.isBlank()) {
            collapsed.addAll(Arrays.stream(c.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
    }

    /** Hands every later change to {@code save} (key, value as text). */
    public void onChange(BiConsumer<String, String> save) {
        zoom.addListener((Observable o) -> save.accept(ZOOM, String.valueOf(zoom.get())));
        compact.addListener((Observable o) -> save.accept(COMPACT, String.valueOf(compact.get())));
        fit.addListener((Observable o) -> save.accept(FIT, String.valueOf(fit.get())));
        collapsed.addListener((Observable o) -> save.accept(COLLAPSED, String.join(",", Set.copyOf(collapsed).stream().sorted().toList())));
    }

    private static double clamp(double z) {
        double rounded = Math.round(z * 10) / 10.0; // no 0.30000000000000004 in the settings file
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, rounded));
    }
}
