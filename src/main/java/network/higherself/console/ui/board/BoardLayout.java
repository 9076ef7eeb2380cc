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
    static final String LANES = "lanes";
    static final String COLLAPSED_LANES = "collapsed-lanes";

    static final double MIN_ZOOM = 0.6;
    static final double MAX_ZOOM = 1.6;
    private static final double STEP = 0.1;

    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final BooleanProperty compact = new SimpleBooleanProperty();
    private final BooleanProperty fit = new SimpleBooleanProperty();
    private final ObservableSet<String> collapsed = FXCollections.observableSet(new TreeSet<>());
    private final javafx.beans.property.StringProperty lanes = new javafx.beans.property.SimpleStringProperty();
    private final ObservableSet<String> collapsedLanes = FXCollections.observableSet(new TreeSet<>());

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

    /** The key of the field the board's swimlanes go by (assignee, priority, a kind's party); null: no lanes. */
    public javafx.beans.property.StringProperty lanesProperty() {
        return lanes;
    }

    /** The swimlanes shown folded to their header, by {@link #laneKey}. */
    public ObservableSet<String> collapsedLanes() {
        return collapsedLanes;
    }

    /** How a lane is remembered: its field's key and its value as stored ({@code null}: the lane of cards without one). */
    public static String laneKey(String fieldKey, String value) {
        return fieldKey + (value == null ? ":-" : ":=" + value);
    }

    public void toggleLane(String laneKey) {
        if (!collapsedLanes.remove(laneKey)) {
            collapsedLanes.add(laneKey);
        }
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
        String l = saved.apply(LANES);
        lanes.set(l == null || l.isBlank() ? null : l.strip());
        String cl = saved.apply(COLLAPSED_LANES);
        collapsedLanes.clear();
        if (cl != null && !cl.isBlank()) {
            // each key encoded: a client's name may hold a comma
            collapsedLanes.addAll(Arrays.stream(cl.split(",")).filter(s -> !s.isBlank())
                    .map(BoardLayout::decoded).filter(java.util.Objects::nonNull).toList());
        }
    }

    /** Hands every later change to {@code save} (key, value as text). */
    public void onChange(BiConsumer<String, String> save) {
        zoom.addListener((Observable o) -> save.accept(ZOOM, String.valueOf(zoom.get())));
        compact.addListener((Observable o) -> save.accept(COMPACT, String.valueOf(compact.get())));
        fit.addListener((Observable o) -> save.accept(FIT, String.valueOf(fit.get())));
        collapsed.addListener((Observable o) -> save.accept(COLLAPSED, String.join(",", Set.copyOf(collapsed).stream().sorted().toList())));
        lanes.addListener((Observable o) -> save.accept(LANES, lanes.get() == null ? "" : lanes.get()));
        collapsedLanes.addListener((Observable o) -> save.accept(COLLAPSED_LANES, String.join(",", Set.copyOf(collapsedLanes)
                .stream().sorted().map(k -> java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).toList())));
    }

    /** A remembered lane's key, or null when a hand-edited settings file spoiled it (that lane then shows open). */
    private static String decoded(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double clamp(double z) {
        double rounded = Math.round(z * 10) / 10.0; // no 0.30000000000000004 in the settings file
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, rounded));
    }
}
