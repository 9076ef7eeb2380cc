package network.higherself.console.ui.card;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import network.higherself.console.card.ArtworkStatus;
import network.higherself.console.card.CardField;
import network.higherself.console.card.FieldText;
import network.higherself.console.card.Milestone;
import network.higherself.console.cardform.ArtworkRow;
import network.higherself.console.cardform.Choice;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Editors of a list of small rows: an exhibition's artworks, a project's milestones. */
final class RowEditors {

    static final String ROWS_STYLE = "row-editor";
    static final String ROW_STYLE = "row-editor-row";
    static final String EMPTY_STYLE = "row-editor-empty";
    static final String REMOVE_STYLE = "row-remove";

    private RowEditors() {
    }

    /** Rows with an "add" button under them; each row has a remove button at its end. */
    private abstract static class Rows<L> extends FieldEditor {
        final List<L> lines = new ArrayList<>();
        private final VBox rows = new VBox(6);
        private final Label empty;
        final Button add;
        private final VBox box;

        Rows(CardField<?> field, String addText, String emptyText) {
            super(field);
            empty = new Label(emptyText);
            empty.getStyleClass().add(EMPTY_STYLE);
            add = new Button(addText, new FontIcon(MaterialDesignP.PLUS));
            add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.ACCENT);
            add.setId(FieldEditors.controlId(field.key()) + "-add");
            add.setOnAction(e -> {
                L line = newLine(null);
                attach(line);
                inputChanged();
                focus(line);
            });
            box = new VBox(6, rows, add);
            box.getStyleClass().add(ROWS_STYLE);
            rows.getChildren().add(empty);
            shows(box, add);
        }

        abstract L newLine(Object value);

        abstract Node nodeOf(L line);

        abstract void focus(L line);

        void attach(L line) {
            lines.add(line);
            rows.getChildren().remove(empty);
            rows.getChildren().add(nodeOf(line));
        }

        Button removeButton(String what, Runnable before) {
            Button remove = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, REMOVE_STYLE);
            remove.setTooltip(new Tooltip("Remove this " + what));
            remove.setOnAction(e -> {
                before.run();
                inputChanged();
            });
            return remove;
        }

        void detach(L line) {
            int i = lines.indexOf(line);
            if (i >= 0) {
                lines.remove(i);
                rows.getChildren().remove(nodeOf(line));
            }
            if (lines.isEmpty()) {
                rows.getChildren().setAll(empty);
            }
        }

        @Override
        protected void show(Object v) {
            lines.clear();
            rows.getChildren().setAll(empty);
            if (v instanceof Collection<?> c) {
                for (Object o : c) {
                    attach(newLine(o));
                }
            }
        }

        static HBox row(Node... nodes) {
            HBox row = new HBox(6, nodes);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(ROW_STYLE);
            return row;
        }
    }

    /** An exhibition's artworks: artist (among the exhibition's artists), title and status per row. */
    static final class Artworks extends Rows<Artworks.Line> {
        private final ObservableList<Choice> artists;

        final class Line {
            final Long id;
            final ComboBox<Choice> artist = new ComboBox<>(artists);
            final TextField title = new TextField();
            final ComboBox<ArtworkStatus> status = new ComboBox<>(FXCollections.observableArrayList(ArtworkStatus.values()));
            final HBox node;

            Line(ArtworkRow r) {
                id = r == null ? null : r.id();
                artist.setPromptText("Artist");
                artist.setPrefWidth(170);
                artist.setMinWidth(120);
                artist.setButtonCell(cell(Choice::label));
                artist.setCellFactory(v -> cell(Choice::label));
                title.setPromptText("Title of the work");
                status.setButtonCell(cell(FieldEditors::enumLabel));
                status.setCellFactory(v -> cell(FieldEditors::enumLabel));
                status.setPrefWidth(140);
                status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                if (r != null) {
                    artist.setValue(r.artist());
                    title.setText(r.title());
                    status.setValue(r.status());
                } else {
                    status.setValue(ArtworkStatus.SUBMITTED);
                    if (artists.size() == 1) {
                        artist.setValue(artists.get(0));
                    }
                }
                HBox.setHgrow(title, Priority.ALWAYS);
                artist.valueProperty().addListener((o, a, b) -> inputChanged());
                title.textProperty().addListener((o, a, b) -> inputChanged());
                status.valueProperty().addListener((o, a, b) -> inputChanged());
                node = row(artist, title, status, removeButton("artwork", () -> detach(this)));
            }

            ArtworkRow value() {
                String t = title.getText() == null ? "" : title.getText().strip();
                return new ArtworkRow(id, artist.getValue(), t, status.getValue());
            }
        }

        Artworks(CardField<?> field, ObservableList<Choice> allArtists) {
            super(field, "Add artwork", "No artworks yet.");
            this.artists = FXCollections.observableArrayList(allArtists);
        }

        /** Offers only the artists in {@code chosen} (the exhibition's artists field), following its changes. */
        void followArtists(ObservableValue<Object> chosen) {
            Runnable update = () -> {
                List<Choice> now = new ArrayList<>();
                if (chosen.getValue() instanceof Collection<?> c) {
                    c.forEach(o -> now.add((Choice) o));
                }
                List<Choice> kept = lines.stream().map(l -> l.artist.getValue()).toList();
                if (!artists.equals(now)) {
                    artists.setAll(now);
                }
                for (int i = 0; i < lines.size(); i++) {
                    // a combo may drop a value its list lost; keep what the row said, so the check can name it
                    if (lines.get(i).artist.getValue() != kept.get(i)) {
                        lines.get(i).artist.setValue(kept.get(i));
                    }
                }
                recheck();
            };
            chosen.addListener((obs, old, now) -> update.run());
            update.run();
        }

        List<Choice> offeredArtists() {
            return artists;
        }

        @Override
        Line newLine(Object value) {
            return new Line((ArtworkRow) value);
        }

        @Override
        Node nodeOf(Line line) {
            return line.node;
        }

        @Override
        void focus(Line line) {
            line.title.requestFocus();
        }

        /** The first problem by the one rule every artwork follows (see {@link network.higherself.console.card.Artworks}), or null. */
        @Override
        protected String check() {
            List<String> problems = network.higherself.console.card.Artworks.problems(lines.stream().map(Line::value).toList(), artists, Choice::label);
            return problems.isEmpty() ? null : problems.get(0);
        }

        @Override
        protected Object read() {
            return lines.stream().map(Line::value).toList();
        }
    }

    /** A project's milestones: a name and a date per row. */
    static final class Milestones extends Rows<Milestones.Line> {

        final class Line {
            final TextField name = new TextField();
            final DateField due = new DateField();
            final HBox node;

            Line(Milestone m) {
                name.setPromptText("Milestone or review");
                if (m != null) {
                    name.setText(m.name());
                    due.setDate(m.dueOn());
                }
                HBox.setHgrow(name, Priority.ALWAYS);
                name.textProperty().addListener((o, a, b) -> inputChanged());
                due.textProperty().addListener((o, a, b) -> inputChanged());
                node = row(name, due, removeButton("milestone", () -> detach(this)));
            }
        }

        Milestones(CardField<?> field) {
            super(field, "Add milestone", "No milestones yet.");
        }

        @Override
        Line newLine(Object value) {
            return new Line((Milestone) value);
        }

        @Override
        Node nodeOf(Line line) {
            return line.node;
        }

        @Override
        void focus(Line line) {
            line.name.requestFocus();
        }

        @Override
        protected String check() {
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                FieldText.Parsed d = l.due.parse();
                if (!d.ok()) {
                    return "Milestone " + (i + 1) + ": " + d.problem();
                }
                if (l.name.getText() == null || l.name.getText().isBlank() || d.value() == null) {
                    return "Milestone " + (i + 1) + " needs a name and a date: fill both in or remove the row.";
                }
            }
            return null;
        }

        @Override
        protected Object read() {
            return lines.stream().map(l -> new Milestone(l.name.getText().strip(), (LocalDate) l.due.parse().value())).toList();
        }
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }
}
