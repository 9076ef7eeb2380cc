package network.higherself.console.ui.access;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import network.higherself.console.store.PermissionQueries;

import java.time.format.DateTimeFormatter;
import java.time.ZoneId;

/** The managers' review queue: requests waiting for a decision, with approve and ask-for-more actions. */
public final class ReviewQueueView {

    public static final String ID = "review-queue";
    public static final String LIST_ID = "review-list";
    public static final String APPROVE_ID = "review-approve";
    public static final String ASK_ID = "review-ask";
    public static final String QUESTION_ID = "review-question";
    public static final String MESSAGE_ID = "review-message";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private ReviewQueueView() {
    }

    public static Dialog<Void> show(Window owner, AccessViewModel model, Runnable onDecided) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Review queue");
        dialog.setHeaderText("Permission requests waiting for a manager");
        dialog.getDialogPane().setId(ID);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        ListView<PermissionQueries.Waiting> list = new ListView<>(model.waiting());
        list.setId(LIST_ID);
        list.setPrefSize(640, 320);
        Label empty = new Label("Nothing is waiting for review.");
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new ListCell<>() {
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
                String what = r.requestedRole() != null ? "Role: " + r.requestedRole().replace('_', ' ').toLowerCase()
                        : "Scopes: " + r.requestedScopes();
                Label detail = new Label(r.requester() + " asks \u00b7 " + what + " \u00b7 waiting since "
                        + WHEN.format(r.since().atZone(ZoneId.systemDefault())));
                detail.getStyleClass().add("text-muted");
                Label why = new Label(r.justification() == null ? "(no justification given)" : r.justification());
                why.setWrapText(true);
                VBox box = new VBox(2, title, detail, why);
                box.setPrefWidth(0);
                setText(null);
                setGraphic(box);
            }
        });

        TextField question = new TextField();
        question.setId(QUESTION_ID);
        question.setPromptText("Question for the requester (to ask for more information)");
        HBox.setHgrow(question, Priority.ALWAYS);
        Button approve = new Button("Approve");
        approve.setId(APPROVE_ID);
        approve.getStyleClass().add("success");
        Button ask = new Button("Ask for more information");
        ask.setId(ASK_ID);
        approve.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        ask.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        approve.setOnAction(e -> model.approve(list.getSelectionModel().getSelectedItem(), onDecided));
        ask.setOnAction(e -> model.askForMore(list.getSelectionModel().getSelectedItem(), question.getText(), () -> {
            question.clear();
            onDecided.run();
        }));
        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        VBox content = new VBox(10, list, new HBox(8, question, ask, approve), message);
        content.setPadding(new Insets(10, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        model.loadQueue(() -> list.getSelectionModel().selectFirst());
        dialog.show();
        return dialog;
    }
}
