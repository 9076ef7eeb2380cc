package network.higherself.console.ui.access;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import network.higherself.console.store.PermissionQueries;
import network.higherself.console.ui.common.Fxml;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The managers' review queue: requests waiting for a decision, with approve and ask-for-more actions. Laid out in
 * ReviewQueueView.fxml; this controller binds it to the {@link AccessViewModel}.
 */
public final class ReviewQueueView {

    public static final String ID = "review-queue";
    public static final String LIST_ID = "review-list";
    public static final String APPROVE_ID = "review-approve";
    public static final String ASK_ID = "review-ask";
    public static final String QUESTION_ID = "review-question";
    public static final String MESSAGE_ID = "review-message";
    /** Where the approve button would be: why the person may not approve the selected request. */
    public static final String NO_APPROVAL_ID = "review-no-approve";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final AccessViewModel model;
    private final Runnable onDecided;

    @FXML
    private ListView<PermissionQueries.Waiting> list;
    @FXML
    private TextField question;
    @FXML
    private Button ask;
    @FXML
    private Button approve;
    @FXML
    private Label noApproval;
    @FXML
    private Label message;

    ReviewQueueView(AccessViewModel model, Runnable onDecided) {
        this.model = model;
        this.onDecided = onDecided;
    }

    /** Opens the queue over {@code owner}; {@code onDecided} runs after each decision is saved. */
    public static Dialog<Void> show(Window owner, AccessViewModel model, Runnable onDecided) {
        ReviewQueueView controller = new ReviewQueueView(model, onDecided);
        DialogPane pane = Fxml.load("ReviewQueueView.fxml", controller);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Review requests");
        dialog.setDialogPane(pane);
        network.higherself.console.ui.common.DialogFit.toOwner(dialog); // no bigger than its window
        model.loadQueue(controller::showSelected);
        dialog.show();
        return dialog;
    }

    @FXML
    private void initialize() {
        list.setItems(model.waiting());
        list.setCellFactory(v -> new RequestCell(model));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectedProperty().set(now));
        ask.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        // "Approve" only where the pipeline will take it; elsewhere, in its place, the pipeline's reason
        approve.visibleProperty().bind(model.selectedProperty().isNotNull().and(model.whyNotApproveProperty().isEmpty()));
        approve.managedProperty().bind(approve.visibleProperty());
        noApproval.textProperty().bind(model.whyNotApproveProperty());
        noApproval.visibleProperty().bind(model.whyNotApproveProperty().isNotEmpty());
        noApproval.managedProperty().bind(noApproval.visibleProperty());
        message.textProperty().bind(model.messageProperty());
    }

    /** Selects, and scrolls to, the request the model selected after reading the queue (the oldest). */
    private void showSelected() {
        PermissionQueries.Waiting oldest = model.selectedProperty().get();
        list.getSelectionModel().select(oldest);
        if (oldest != null) {
            list.scrollTo(oldest);
        }
    }

    @FXML
    private void approveSelected() {
        model.approve(list.getSelectionModel().getSelectedItem(), () -> {
            showSelected();
            onDecided.run();
        });
    }

    @FXML
    private void askForMore() {
        model.askForMore(list.getSelectionModel().getSelectedItem(), question.getText(), () -> {
            question.clear();
            showSelected();
            onDecided.run();
        });
    }

    /** A request: its title, who asks for what since when, and why: roles and rights in people's words. */
    private static final class RequestCell extends ListCell<PermissionQueries.Waiting> {
        private final AccessViewModel model;

        RequestCell(AccessViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(PermissionQueries.Waiting r, boolean isEmpty) {
            super.updateItem(r, isEmpty);
            if (isEmpty || r == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(r.title());
            title.setStyle("-fx-font-weight: bold;");
            String rights = model.rightsInWords(r);
            String what = r.requestedRole() == null ? rights
                    : "Role: " + RoleNames.said(r.requestedRole()) + (rights.isEmpty() ? "" : "; " + rights);
            Label detail = new Label(r.requester() + " asks \u00b7 " + what + " \u00b7 waiting since "
                    + WHEN.format(r.since().atZone(ZoneId.systemDefault())));
            detail.getStyleClass().add("text-muted");
            detail.setWrapText(true);
            title.setWrapText(true);
            title.setMaxWidth(Double.MAX_VALUE);
            detail.setMaxWidth(Double.MAX_VALUE);
            Label why = new Label(r.justification() == null ? "(no justification given)" : r.justification());
            why.setWrapText(true);
            why.setMaxWidth(Double.MAX_VALUE);
            VBox box = new VBox(2, title, detail, why);
            box.setPrefWidth(0);
            setText(null);
            setGraphic(box);
        }

        /** As tall as the request's wrapped lines are at the cell's width (the theme's fixed cell size would cut them). */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null) {
                return super.computePrefHeight(width);
            }
            double inner = width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
            return snappedTopInset() + getGraphic().prefHeight(inner) + snappedBottomInset();
        }
    }
}
