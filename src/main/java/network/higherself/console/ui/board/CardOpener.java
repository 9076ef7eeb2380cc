package network.higherself.console.ui.board;

import javafx.stage.Window;
import network.higherself.console.workflow.Workflow;

/** Opens a card's details, or the form for a new card; the board refreshes when {@code then} runs. */
public interface CardOpener {

    void open(Window owner, long cardId, Runnable then);

    void create(Window owner, Workflow workflow, Runnable then);
}
