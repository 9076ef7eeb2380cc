package network.higherself.console.ui.insight;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import network.higherself.console.insight.DiagramLayout;
import network.higherself.console.insight.DiagramSvg;
import network.higherself.console.insight.TextMeasure;
import network.higherself.console.insight.WorkflowDiagram;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Workflow;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The workflow drawn: laid out in the background from the definition, the card counts and the selected card (whose
 * state and legal next events stand out), again whenever one of them changes; saved as SVG (laid out for the fonts
 * the file names) or as PNG (the window's picture, which the view makes).
 */
public final class DiagramViewModel {

    /** The card the diagram was opened for. */
    public record SelectedCard(long id, String title, String state) {
    }

    private final Workflow workflow;
    private final ObservableValue<Map<String, Long>> cardsByState;
    private final BackgroundExecutor executor;
    private final TextMeasure measure;
    private final ObjectProperty<SelectedCard> selected = new SimpleObjectProperty<>();
    private final Computed<WorkflowDiagram> diagram;
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty caption = new SimpleStringProperty("");

    DiagramViewModel(Workflow workflow, ObservableValue<Map<String, Long>> cardsByState, BackgroundExecutor executor,
                     TextMeasure measure) {
        this.workflow = workflow;
        this.cardsByState = cardsByState;
        this.executor = executor;
        this.measure = measure;
        this.diagram = new Computed<>(executor, this::layout, "The workflow could not be drawn", cardsByState, selected);
        diagram.value().addListener((o, a, d) -> updateCaption());
        diagram.problem().addListener((o, a, p) -> message.set(p));
        updateCaption();
    }

    public ReadOnlyObjectProperty<WorkflowDiagram> diagramProperty() {
        return diagram.value();
    }

    /** The card whose state and next events stand out, or null. */
    public ObjectProperty<SelectedCard> selectedProperty() {
        return selected;
    }

    /** What the diagram shows, in a sentence. */
    public StringProperty captionProperty() {
        return caption;
    }

    /** What happened to the last save, or why the diagram could not be drawn. */
    public StringProperty messageProperty() {
        return message;
    }

    public Workflow workflow() {
        return workflow;
    }

    /** The name a saved picture is offered under, e.g. "WF-GALLERY-EXH.svg". */
    public String fileName(String extension) {
        return workflow.id() + "." + extension;
    }

    /**
     * The layout to make with the counts and the card selected now (none until the counts are read): the text is
     * measured here, on the JavaFX thread where the window's fonts live, and laid out in the background.
     */
    private Callable<WorkflowDiagram> layout() {
        Map<String, Long> counts = cardsByState.getValue();
        if (counts == null) {
            return null;
        }
        String state = selectedState();
        DiagramLayout.Measured measured = DiagramLayout.measure(workflow, counts, measure);
        return () -> DiagramLayout.layout(measured, state);
    }

    private String selectedState() {
        SelectedCard card = selected.get();
        return card == null ? null : card.state();
    }

    private void updateCaption() {
        SelectedCard card = selected.get();
        String states = workflow.states().size() + " states, " + workflow.transitions().size() + " transitions";
        if (card == null || !workflow.hasState(card.state())) {
            caption.set(workflow.board() + ": " + states + ". Select a card on the board to see where it can go.");
            return;
        }
        int next = workflow.transitionsFrom(card.state()).size();
        caption.set("\u201c" + card.title() + "\u201d is in " + Labels.humanize(card.state()) + (next == 0
                ? ", a final state."
                : "; " + (next == 1 ? "its next event stands out." : "its " + next + " possible next events stand out.")));
    }

    /** Writes the diagram as SVG, laid out for the fonts the file names (in the background). */
    public void saveSvg(Path file) {
        Map<String, Long> counts = cardsByState.getValue() == null ? Map.of() : cardsByState.getValue();
        String state = selectedState();
        executor.run(() -> {
            WorkflowDiagram d = DiagramLayout.layout(workflow, counts, state, TextMeasure.helvetica());
            DiagramFiles.write(file, DiagramSvg.write(d).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return file;
        }, this::saved, e -> notSaved(file, e));
    }

    /** Writes a picture the view made of the diagram as PNG (in the background). */
    public void savePng(Path file, byte[] png) {
        executor.run(() -> {
            DiagramFiles.write(file, png);
            return file;
        }, this::saved, e -> notSaved(file, e));
    }

    private void saved(Path file) {
        message.set("Saved to " + file + ".");
    }

    private void notSaved(Path file, Throwable e) {
        message.set(DiagramFiles.problem(file, e));
    }
}
