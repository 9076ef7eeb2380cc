package network.higherself.console.ui.access;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import network.higherself.console.move.RoleRightsAdmin;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Rights;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.WorkflowRights;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The administrator's screen: what each role may do on each board (view, create, edit, which events). */
public final class RoleRightsView {

    public static final String ID = "role-rights";
    public static final String ROLE_ID = "rights-role";
    public static final String TABLE_ID = "rights-table";
    public static final String SAVE_ID = "rights-save";
    public static final String MESSAGE_ID = "rights-message";

    /** One board's rights for the chosen role, as edited. */
    public static final class Row {
        final Workflow workflow;
        final SimpleBooleanProperty view = new SimpleBooleanProperty();
        final SimpleBooleanProperty create = new SimpleBooleanProperty();
        final SimpleBooleanProperty edit = new SimpleBooleanProperty();
        final SimpleStringProperty events = new SimpleStringProperty("");
        WorkflowRights loaded = WorkflowRights.NONE;

        Row(Workflow workflow) {
            this.workflow = workflow;
        }

        void show(WorkflowRights r) {
            loaded = r;
            view.set(r.view());
            create.set(r.create());
            edit.set(r.edit());
            events.set(r.eventsText());
        }

        WorkflowRights edited() {
            String text = events.get() == null ? "" : events.get().strip();
            boolean all = text.equals("*");
            Set<String> named = all || text.isEmpty() ? Set.of()
                    : new LinkedHashSet<>(Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
            return new WorkflowRights(view.get() || create.get() || edit.get(), create.get(), edit.get(), all, named);
        }
    }

    private RoleRightsView() {
    }

    public static Dialog<Void> show(Window owner, RoleRightsAdmin roleRights, WorkflowCatalog workflows, BackgroundExecutor executor,
                                    Supplier<Actor> admin) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Roles and rights");
        dialog.setHeaderText("What each role may do on each board. Events: * for all, or their names separated by commas.");
        dialog.getDialogPane().setId(ID);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        ComboBox<Role> role = new ComboBox<>();
        role.setId(ROLE_ID);
        role.getItems().setAll(Role.values());
        TableView<Row> table = new TableView<>();
        table.setId(TABLE_ID);
        table.setEditable(true);
        table.setPrefSize(820, 340);
        List<Row> rows = new ArrayList<>();
        workflows.all().forEach(w -> rows.add(new Row(w)));
        table.getItems().setAll(rows);
        TableColumn<Row, String> board = new TableColumn<>("Board");
        board.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().workflow.board()));
        board.setPrefWidth(180);
        TableColumn<Row, Boolean> view = check("View", r -> r.view);
        TableColumn<Row, Boolean> create = check("Create", r -> r.create);
        TableColumn<Row, Boolean> edit = check("Edit", r -> r.edit);
        TableColumn<Row, String> events = new TableColumn<>("Events they may fire");
        events.setCellValueFactory(c -> c.getValue().events);
        events.setCellFactory(TextFieldTableCell.forTableColumn());
        events.setOnEditCommit(e -> e.getRowValue().events.set(e.getNewValue()));
        events.setPrefWidth(400);
        table.getColumns().setAll(List.of(board, view, create, edit, events));

        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.setWrapText(true);
        Button save = new Button("Save changes");
        save.setId(SAVE_ID);
        save.getStyleClass().add("accent");
        save.disableProperty().bind(role.valueProperty().isNull());

        role.valueProperty().addListener((o, a, r) -> {
            if (r == null) {
                return;
            }
            executor.run(() -> roleRights.rightsOf(r), (Rights rights) -> {
                rows.forEach(row -> row.show(rights.on(row.workflow.id())));
                table.refresh();
                message.setText("");
            }, e -> message.setText("The rights could not be read: " + e.getMessage()));
        });
        save.setOnAction(e -> {
            Role r = role.getValue();
            List<Row> changed = rows.stream().filter(row -> !row.edited().equals(row.loaded)).toList();
            if (changed.isEmpty()) {
                message.setText("Nothing changed.");
                return;
            }
            executor.run(() -> {
                List<String> said = new ArrayList<>();
                for (Row row : changed) {
                    Outcome out = roleRights.set(admin.get(), r, row.workflow.id(), row.edited());
                    said.add(out.message());
                    if (out.isDone()) {
                        row.loaded = row.edited();
                    }
                }
                return String.join(" ", said);
            }, message::setText, ex -> message.setText("The rights could not be saved: " + ex.getMessage()));
        });

        VBox content = new VBox(10, new HBox(10, new Label("Role"), role), table, new HBox(10, save), message);
        content.setPadding(new Insets(10, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        dialog.show();
        return dialog;
    }

    private static TableColumn<Row, Boolean> check(String title, java.util.function.Function<Row, SimpleBooleanProperty> prop) {
        TableColumn<Row, Boolean> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> prop.apply(cell.getValue()));
        c.setCellFactory(CheckBoxTableCell.forTableColumn(c));
        c.setEditable(true);
        c.setPrefWidth(70);
        return c;
    }
}
