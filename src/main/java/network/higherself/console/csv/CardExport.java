package network.higherself.console.csv;

import network.higherself.console.card.Card;
import network.higherself.console.move.CardService;
import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.apache.commons.csv.CSVPrinter;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Exports a board's cards to CSV ({@link CardColumns}: every field of the kind's one field list), column by column
 * in the board's order, for a person who may see the board. The file is written whole or not at all.
 */
public final class CardExport {

    private static final int PAGE = 500;

    private final SessionFactory sessions;
    private final CardService cards;
    private final WorkflowCatalog workflows;

    public CardExport(SessionFactory sessions, CardService cards, WorkflowCatalog workflows) {
        this.sessions = sessions;
        this.cards = cards;
        this.workflows = workflows;
    }

    /**
     * Writes the cards of {@code workflowId} to {@code out}; how many.
     *
     * @throws TransferRefused   when the person may not see the board, or the file cannot be written
     * @throws CsvText.Cancelled when {@code progress} asked to stop (no file is left)
     */
    public int export(Actor actor, String workflowId, Path out, Progress progress) throws TransferRefused, CsvText.Cancelled {
        Workflow w = workflows.find(workflowId).orElseThrow(() -> new TransferRefused("There is no board "
                + Labels.cut(workflowId, 40) + " to export."));
        if (!cards.rightsOf(actor).on(w.id()).view()) {
            throw new TransferRefused(actor.name() + actor.role().map(r -> " (" + r.label().toLowerCase(Locale.ROOT) + ")")
                    .orElse("") + " may not see " + w.board() + ", so it cannot be exported. Ask for the right with a "
                    + "permission request.");
        }
        CardColumns columns = new CardColumns(w);
        String entity = columns.kind().type().getSimpleName();
        int[] written = {0};
        try {
            CsvText.writeWhole(out, writer -> {
                CSVPrinter printer = CsvText.printer(writer);
                CsvText.print(printer, columns.header());
                try (Session s = sessions.openSession()) {
                    s.setDefaultReadOnly(true);
                    long total = s.createSelectionQuery("select count(c) from " + entity + " c", Long.class).getSingleResult();
                    progress.at("Writing cards", 0, total);
                    for (State state : w.states()) {
                        List<? extends Card> page = page(s, entity, state.id(), Long.MIN_VALUE, Long.MIN_VALUE);
                        while (!page.isEmpty()) {
                            for (Card c : page) {
                                if (progress.cancelled()) {
                                    throw new CsvText.Cancelled();
                                }
                                CsvText.print(printer, columns.row(c));
                                progress.at("Writing cards", ++written[0], total);
                            }
                            Card last = page.get(page.size() - 1);
                            s.clear();
                            page = page.size() < PAGE ? List.of() : page(s, entity, state.id(), last.getPosition(), last.getId());
                        }
                    }
                }
                printer.flush();
            });
        } catch (CsvText.Cancelled e) {
            throw e;
        } catch (IOException e) {
            throw new TransferRefused(CsvText.writeProblem(out, e));
        }
        return written[0];
    }

    /** The cards of one column after ({@code position}, {@code id}), in the column's order. */
    private static List<? extends Card> page(Session s, String entity, String state, long position, long id) {
        return s.createSelectionQuery("from " + entity + " c where c.state = :state and (c.position > :p or "
                        + "(c.position = :p and c.id > :id)) order by c.position, c.id", Card.class)
                .setParameter("state", state).setParameter("p", position).setParameter("id", id)
                .setMaxResults(PAGE).getResultList();
    }
}
