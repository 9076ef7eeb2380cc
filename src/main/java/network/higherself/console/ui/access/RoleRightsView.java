package network.higherself.console.ui.access;

import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.stage.Window;
import network.higherself.console.staff.Role;
import network.higherself.console.ui.access.RoleRightsViewModel.Row;
import network.higherself.console.ui.common.Fxml;

/**
 * The administrator's screen: what each role may do on each board (view, create, edit, which events). Laid out
 * in RoleRightsView.fxml; this controller binds it to its {@link RoleRightsViewModel}.
 */
public final class RoleRightsView {

    public static final String ID = "role-rights";
    public static final String ROLE_ID = "rights-role";
    public static final String TABLE_ID = "rights-table";
    public static final String SAVE_ID = "rights-save";
    public static final String MESSAGE_ID = "rights-message";

    private final RoleRightsViewModel model;

    @FXML
    private ComboBox<Role> role;
    @FXML
    private TableView<Row> table;
    @FXML
    private TableColumn<Row, String> boardColumn;
    @FXML
    private TableColumn<Row, Boolean> viewColumn;
    @FXML
    private TableColumn<Row, Boolean> createColumn;
    @FXML
    private TableColumn<Row, Boolean> editColumn;
    @FXML
    private TableColumn<Row, String> eventsColumn;
    @FXML
    private Button save;
    @FXML
    private Label message;

    RoleRightsView(RoleRightsViewModel model) {
        this.model = model;
    }

    /** Opens the screen over {@code owner}. */
    public static Dialog<Void> show(Window owner, RoleRightsViewModel model) {
        DialogPane pane = Fxml.load("RoleRightsView.fxml", new RoleRightsView(model));
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Roles and rights");
        dialog.setDialogPane(pane);
        network.higherself.console.ui.common.DialogFit.toOwner(dialog); // no bigger than its window
        dialog.show();
        return dialog;
    }

    @FXML
    private void initialize() {
        role.getItems().setAll(Role.values());
        role.setConverter(new RoleNames());
        role.valueProperty().bindBidirectional(model.roleProperty());
        table.setItems(model.rows());
        boardColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().workflow().board()));
        check(viewColumn, Row::viewProperty);
        check(createColumn, Row::createProperty);
        check(editColumn, Row::editProperty);
        eventsColumn.setCellValueFactory(c -> c.getValue().eventsProperty());
        eventsColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        eventsColumn.setOnEditCommit(e -> e.getRowValue().eventsProperty().set(e.getNewValue()));
        save.disableProperty().bind(model.canSaveProperty().not());
        message.textProperty().bind(model.messageProperty());
    }

    @FXML
    private void saveChanges() {
        model.save();
    }

    private static void check(TableColumn<Row, Boolean> column,
                              java.util.function.Function<Row, javafx.beans.property.BooleanProperty> property) {
        column.setCellValueFactory(cell -> property.apply(cell.getValue()));
        column.setCellFactory(CheckBoxTableCell.forTableColumn(column));
    }
}
