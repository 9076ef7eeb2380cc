package network.higherself.console.ui.card;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import network.higherself.console.card.CardField;
import network.higherself.console.card.FieldText;
import network.higherself.console.card.FieldType;
import network.higherself.console.cardform.Choice;
import network.higherself.console.staff.Role;
import network.higherself.console.workflow.Labels;
import org.controlsfx.control.CheckComboBox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes the editor of a card field from its {@link FieldType}: a text field (checked as typed: e-mail, phone,
 * web address, amount), a text area, a date (typed or picked), a date with a time, a drop-down for a CHOICE or a
 * REFERENCE, a check-list drop-down for REFERENCES, and row editors for an exhibition's artworks and a project's
 * milestones. The card form and the board's "this move needs input" form are both built from these.
 *
 * <p>Each control gets the id {@code field-<key>} (see {@link #controlId(String)}).
 */
public final class FieldEditors {

    /** The text shown for "no value" in a drop-down of an optional field. */
    public static final String NONE = "\u2014";
    public static final String STYLE_EDITOR = "field-editor";
    /** Under this key each editor's control keeps its {@link FieldEditor} in {@code getProperties()}. */
    public static final String EDITOR_KEY = FieldEditor.class.getName();

    private FieldEditors() {
    }

    /** The id of the control that edits the field with this key. */
    public static String controlId(String key) {
        return "field-" + key.replace('_', '-');
    }

    /**
     * The editor of one field. {@code choices} lists what a REFERENCE(S) field can point at, per entity class
     * (an exhibition's artworks take their artists from {@code Artist.class}).
     */
    public static FieldEditor create(CardField<?> field, Function<Class<?>, List<Choice>> choices) {
        FieldEditor editor = field.equals(network.higherself.console.card.Card.ASSIGNEE)
                ? new AssigneeEditor(field, choices.apply(network.higherself.console.staff.StaffMember.class))
                : switch (field.type()) {
            case TEXT, EMAIL, PHONE, URL, MONEY -> new TextEditor(field, new TextField());
            case LONG_TEXT -> new TextEditor(field, textArea());
            case DATE -> new DateEditor(field);
            case DATE_TIME -> new DateTimeEditor(field);
            case CHOICE -> new ComboEditor(field, List.of(field.valueType().getEnumConstants()));
            case REFERENCE -> new ComboEditor(field, choices.apply(field.valueType()));
            case REFERENCES -> new ReferencesEditor(field, choices.apply(field.valueType()));
            case ARTWORKS -> new RowEditors.Artworks(field, FXCollections.observableArrayList(
                    choices.apply(network.higherself.console.card.Artist.class)));
            case MILESTONES -> new RowEditors.Milestones(field);
        };
        if (editor.control() != null) {
            editor.control().getProperties().put(EDITOR_KEY, editor);
            if (!(editor instanceof RowEditors.Artworks) && !(editor instanceof RowEditors.Milestones)) {
                editor.control().setId(controlId(field.key()));
            }
        }
        editor.node().getStyleClass().add(STYLE_EDITOR);
        editor.start();
        return editor;
    }

    /**
     * The editors of a whole form, by field key, in order. Where the form has both, an exhibition's artworks
     * offer only the artists chosen in its {@code artists} field, and follow it as it changes.
     */
    public static Map<String, FieldEditor> createAll(List<CardField<?>> fields, Function<Class<?>, List<Choice>> choices) {
        Map<String, FieldEditor> editors = new LinkedHashMap<>();
        for (CardField<?> f : fields) {
            editors.put(f.key(), create(f, choices));
        }
        FieldEditor artists = editors.values().stream()
                .filter(e -> e.field().type() == FieldType.REFERENCES
                        && e.field().valueType() == network.higherself.console.card.Artist.class)
                .findFirst().orElse(null);
        for (FieldEditor e : editors.values()) {
            if (e instanceof RowEditors.Artworks artworks && artists != null) {
                artworks.followArtists(artists.valueProperty());
            }
        }
        return editors;
    }

    /** How a value of an enum reads: "Front desk", "Client portal", "High". */
    public static String enumLabel(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof Role r) {
            return r.label();
        }
        if (value instanceof network.higherself.console.card.Priority p) {
            return p.label();
        }
        if (value instanceof Enum<?> e) {
            return Labels.humanize(e.name().toLowerCase(Locale.ROOT));
        }
        return value.toString();
    }

    private static TextArea textArea() {
        TextArea area = new TextArea();
        area.setWrapText(true);
        area.setPrefRowCount(3);
        return area;
    }

    /** One line or several of text, read with {@link FieldText} (e-mail, phone, web address, amount). */
    static final class TextEditor extends FieldEditor {
        private final TextInputControl input;

        TextEditor(CardField<?> field, TextInputControl input) {
            super(field);
            this.input = input;
            switch (field.type()) {
                case MONEY -> {
                    input.setPromptText("0.00");
                    if (input instanceof TextField tf) {
                        tf.setPrefColumnCount(10);
                    }
                }
                case EMAIL -> input.setPromptText("name@example.com");
                case PHONE -> input.setPromptText("+44 20 7946 0958");
                case URL -> input.setPromptText("https://example.softr.app");
                default -> {
                }
            }
            input.textProperty().addListener((obs, old, now) -> inputChanged());
            shows(input, input);
        }

        @Override
        protected void show(Object v) {
            input.setText(FieldText.format(field().type(), v));
        }

        @Override
        protected String check() {
            return FieldText.parse(field(), input.getText()).problem();
        }

        @Override
        protected Object read() {
            return FieldText.parse(field(), input.getText()).value();
        }
    }

    /** A date, typed or picked. */
    static final class DateEditor extends FieldEditor {
        private final DateField date = new DateField();

        DateEditor(CardField<?> field) {
            super(field);
            date.textProperty().addListener((obs, old, now) -> inputChanged());
            shows(date, date);
        }

        @Override
        protected void show(Object v) {
            date.setDate((LocalDate) v);
        }

        @Override
        protected String check() {
            String p = date.parse().problem();
            if (p == null && field().required() && date.getText().isBlank()) {
                return field().label() + " is required: enter a date like 2026-12-01.";
            }
            return p;
        }

        @Override
        protected Object read() {
            return date.parse().value();
        }
    }

    /** A date and a time of day, side by side. */
    static final class DateTimeEditor extends FieldEditor {
        private final DateField date = new DateField();
        private final TextField time = new TextField();
        private final HBox box;

        DateTimeEditor(CardField<?> field) {
            super(field);
            time.setPromptText("HH:MM");
            time.setPrefColumnCount(5);
            time.setId(controlId(field.key()) + "-time");
            date.textProperty().addListener((obs, old, now) -> inputChanged());
            time.textProperty().addListener((obs, old, now) -> inputChanged());
            Label at = new Label("at");
            at.getStyleClass().add("field-joiner");
            box = new HBox(8, date, at, time);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            HBox.setHgrow(date, Priority.SOMETIMES);
            shows(box, date);
        }

        @Override
        protected void show(Object v) {
            LocalDateTime dt = (LocalDateTime) v;
            date.setDate(dt == null ? null : dt.toLocalDate());
            time.setText(dt == null ? "" : FieldText.TIME.format(dt.toLocalTime()));
        }

        @Override
        protected String check() {
            FieldText.Parsed d = date.parse();
            if (!d.ok()) {
                return d.problem();
            }
            FieldText.Parsed t = FieldText.time(time.getText());
            if (!t.ok()) {
                return t.problem();
            }
            if (d.value() == null && t.value() == null) {
                return field().required() ? field().label() + " is required: enter a date like 2026-12-01 and a time like 14:30." : null;
            }
            if (d.value() == null) {
                return "Add the date as well, like 2026-12-01, or clear the time.";
            }
            if (t.value() == null) {
                return "Add the time as well, like 14:30, or clear the date.";
            }
            return null;
        }

        @Override
        protected Object read() {
            LocalDate d = (LocalDate) date.parse().value();
            LocalTime t = (LocalTime) FieldText.time(time.getText()).value();
            return d == null ? null : LocalDateTime.of(d, t);
        }
    }

    /** A drop-down of an enum's values (CHOICE) or of stored things (REFERENCE); optional fields can be cleared. */
    static final class ComboEditor extends FieldEditor {
        private final ComboBox<Object> combo = new ComboBox<>();

        ComboEditor(CardField<?> field, List<?> options) {
            super(field);
            List<Object> items = new ArrayList<>();
            if (!field.required()) {
                items.add(null);
            }
            items.addAll(options);
            combo.setItems(FXCollections.observableArrayList(items));
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.setVisibleRowCount(12);
            combo.setConverter(new StringConverter<>() {
                @Override
                public String toString(Object o) {
                    return o instanceof Choice c ? c.label() : enumLabel(o);
                }

                @Override
                public Object fromString(String s) {
                    return null;
                }
            });
            combo.setCellFactory(v -> new ListCell<>() {
                @Override
                protected void updateItem(Object item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : combo.getConverter().toString(item));
                }
            });
            combo.setButtonCell(combo.getCellFactory().call(null));
            if (field.type() == FieldType.REFERENCE && options.isEmpty()) {
                combo.setPromptText("Nothing to choose from yet");
            }
            combo.valueProperty().addListener((obs, old, now) -> inputChanged());
            if (field.valueType() == network.higherself.console.card.Client.class) {
                // a booking for someone new: the client is added with the card's change
                Button add = new Button("New client\u2026");
                add.setId(NEW_CLIENT_ID);
                add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                add.setOnAction(e -> NewClientDialog.ask(combo.getScene() == null ? null : combo.getScene().getWindow(),
                        name -> combo.getItems().stream().anyMatch(o -> o instanceof Choice c
                                && new network.higherself.console.card.NewClient(name, null, null).sameName(c.key())))
                        .ifPresent(client -> {
                            combo.getItems().removeIf(o -> o instanceof network.higherself.console.card.NewClient);
                            combo.getItems().add(client);
                            combo.setValue(client);
                        }));
                javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, combo, add);
                javafx.scene.layout.HBox.setHgrow(combo, javafx.scene.layout.Priority.ALWAYS);
                shows(row, combo);
            } else {
                shows(combo, combo);
            }
        }

        @Override
        protected void show(Object v) {
            if (v != null && !combo.getItems().contains(v)) {
                combo.getItems().add(v); // e.g. a reference to something no longer listed
            }
            combo.setValue(v);
        }

        @Override
        protected String check() {
            return field().required() && combo.getValue() == null ? field().label() + " is required: choose one." : null;
        }

        @Override
        protected Object read() {
            return combo.getValue();
        }
    }

    /** The id of the button beside a card's client that adds a client not listed yet. */
    public static final String NEW_CLIENT_ID = "new-client";

    /** What the assignee picker shows for a card nobody is assigned to. */
    public static final String UNASSIGNED = "Unassigned";

    /**
     * A card's assignee, picked from the staff (the field keeps the user name): a name that no account has cannot be
     * typed in. A card already assigned to a name no account has (an account since renamed) shows it as such, so
     * that saving the form without touching it keeps it.
     */
    static final class AssigneeEditor extends FieldEditor {
        private final ComboBox<Choice> combo = new ComboBox<>();

        AssigneeEditor(CardField<?> field, List<Choice> staff) {
            super(field);
            List<Choice> items = new ArrayList<>();
            items.add(null);
            items.addAll(staff);
            combo.setItems(FXCollections.observableArrayList(items));
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.setVisibleRowCount(12);
            combo.setConverter(new StringConverter<>() {
                @Override
                public String toString(Choice c) {
                    return c == null ? UNASSIGNED : c.label();
                }

                @Override
                public Choice fromString(String s) {
                    return null;
                }
            });
            combo.setCellFactory(v -> new ListCell<>() {
                @Override
                protected void updateItem(Choice item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : combo.getConverter().toString(item));
                }
            });
            combo.setButtonCell(combo.getCellFactory().call(null));
            combo.valueProperty().addListener((obs, old, now) -> inputChanged());
            shows(combo, combo);
        }

        @Override
        protected void show(Object v) {
            if (v == null || v.toString().isBlank()) {
                combo.setValue(null);
                return;
            }
            String name = v.toString();
            Choice known = combo.getItems().stream()
                    .filter(c -> c != null && c.key() != null && c.key().equalsIgnoreCase(name))
                    .findFirst().orElse(null);
            if (known == null) {
                known = new Choice(-1 - combo.getItems().size(), name + " (no account has this name)", name);
                combo.getItems().add(known);
            }
            combo.setValue(known);
        }

        @Override
        protected String check() {
            return null; // whatever is listed can be picked; the pipeline checks the name again when saved
        }

        @Override
        protected Object read() {
            Choice c = combo.getValue();
            return c == null ? null : c.key();
        }
    }

    /** A drop-down with a check box per stored thing (REFERENCES). */
    static final class ReferencesEditor extends FieldEditor {
        private final CheckComboBox<Choice> combo;

        ReferencesEditor(CardField<?> field, List<Choice> options) {
            super(field);
            combo = new CheckComboBox<>(FXCollections.observableArrayList(options));
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.setTitle(null);
            combo.setConverter(new StringConverter<>() {
                @Override
                public String toString(Choice c) {
                    return c == null ? "" : c.label();
                }

                @Override
                public Choice fromString(String s) {
                    return null;
                }
            });
            combo.getCheckModel().getCheckedItems().addListener((ListChangeListener<Choice>) c -> inputChanged());
            shows(combo, combo);
        }

        @Override
        protected void show(Object v) {
            combo.getCheckModel().clearChecks();
            if (v instanceof Collection<?> chosen) {
                for (Object o : chosen) {
                    Choice c = (Choice) o;
                    if (!combo.getItems().contains(c)) {
                        combo.getItems().add(c);
                    }
                    combo.getCheckModel().check(c);
                }
            }
        }

        @Override
        protected String check() {
            return field().required() && combo.getCheckModel().getCheckedItems().isEmpty()
                    ? field().label() + " is required: tick at least one." : null;
        }

        @Override
        protected Object read() {
            // in the list's order, whatever order they were ticked in
            return combo.getItems().stream().filter(c -> combo.getCheckModel().isChecked(c)).toList();
        }

        /** Ticks or unticks a choice, as a click would (for tests and keyboard helpers). */
        void setChecked(Choice c, boolean checked) {
            if (checked) {
                combo.getCheckModel().check(c);
            } else {
                combo.getCheckModel().clearCheck(c);
            }
        }

        ObservableList<Choice> items() {
            return combo.getItems();
        }
    }
}
