package network.higherself.console.move;

import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditRecord;
import network.higherself.console.audit.ColumnLimitEntry;
import network.higherself.console.sync.Outbox;
import network.higherself.console.sync.SharedRows;
import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.Workflow;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

/**
 * Work-in-progress limits of the boards' columns: set by people (soft turns the column amber on the board, hard
 * refuses a card that would exceed it), and the hard limit's check, which the change pipeline makes for every
 * change that puts a card in a column (a move, a creation). Setting or removing a limit is audited with the
 * column's limit as it is after the change ({@link ColumnLimitEntry}).
 */
public final class ColumnLimits {

    private final Outbox outbox = new Outbox();

    private final CardService cards;

    /** Limits set through {@code cards}' transactions, rights and audit trail. */
    public ColumnLimits(CardService cards) {
        this.cards = Objects.requireNonNull(cards);
    }

    /**
     * Sets (or with {@code maxCards} null, removes) a column's work-in-progress limit; who may edit the column's
     * cards may set it.
     */
    public Outcome set(String workflowId, String state, Integer maxCards, boolean hard, Actor actor) {
        Workflow workflow = cards.workflows().get(workflowId);
        if (!workflow.hasState(state)) {
            return new Outcome.Refused(Outcome.Refusal.INVALID, workflow.board() + " has no column " + workflow.stateLabel(state) + ".");
        }
        if (maxCards != null && maxCards < 1) {
            return new Outcome.Refused(Outcome.Refusal.INVALID,
                    "A limit of " + maxCards + " cards would block the column: give 1 or more, or remove the limit.");
        }
        return cards.inTransaction(null, session -> {
            Optional<String> forbidden = cards.access().checkEdit(session, actor, workflow, state);
            if (forbidden.isPresent()) {
                throw CardService.refuse(Outcome.Refusal.NOT_PERMITTED, forbidden.get());
            }
            String column = workflow.stateLabel(state);
            String message = maxCards == null ? "The limit of " + column + " was removed."
                    : "The " + (hard ? "hard" : "soft") + " limit of " + column + " is " + maxCards + " cards.";
            session.doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM column_limit WHERE workflow_id = ? AND state = ?")) {
                    ps.setString(1, workflowId);
                    ps.setString(2, state);
                    ps.executeUpdate();
                }
                if (maxCards != null) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO column_limit (workflow_id, state, max_cards, hard) VALUES (?, ?, ?, ?)")) {
                        ps.setString(1, workflowId);
                        ps.setString(2, state);
                        ps.setInt(3, maxCards);
                        ps.setBoolean(4, hard);
                        ps.executeUpdate();
                    }
                }
            });
            cards.audit().append(session, new AuditRecord(cards.clock().instant(), actor.auditName(),
                    AuditAction.COLUMN_LIMIT_CHANGED, workflowId, null, null, state, null, message,
                    new ColumnLimitEntry(workflowId, state, maxCards, hard).format()));
            outbox.appendShared(session, cards.clock().instant(), actor.auditName(), SharedRows.COLUMN_LIMIT,
                    SharedRows.limitKey(workflowId, state));
            return new CardService.Made(true, () -> new Outcome.Done(0, state, 0, message));
        });
    }

    /**
     * Where a card that enters {@code state}'s column goes: after its last card. Refused, with the sentence a
     * person can act on, when the column's hard limit is reached. One query in the change's transaction (a second,
     * to count the column's cards, only where the column has a hard limit). Nothing pending in the session can
     * change the answer: the entering card's own position is set from it afterwards.
     */
    static long placeIn(Session session, Workflow workflow, String state) {
        return session.doReturningWork(c -> {
            long last;
            Integer hardMax;
            // the column's last card read from the end of the card_column index: H2 computes MAX(position) by reading
            // every card of the column (10,000 cards entering one column cost O(n^2)), but walks an index backwards
            // for an ORDER BY on all its columns
            try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT position FROM card WHERE workflow_id = ? "
                    + "AND state = ? ORDER BY workflow_id DESC, state DESC, position DESC LIMIT 1) AS last, "
                    + "(SELECT max_cards FROM column_limit WHERE workflow_id = ? AND state = ? AND hard) AS hard_max")) {
                ps.setString(1, workflow.id());
                ps.setString(2, state);
                ps.setString(3, workflow.id());
                ps.setString(4, state);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    last = rs.getLong("last"); // an empty column's MAX is NULL, read as 0
                    hardMax = (Integer) rs.getObject("hard_max");
                }
            }
            if (hardMax != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) AS cards FROM card WHERE workflow_id = ? AND state = ?")) {
                    ps.setString(1, workflow.id());
                    ps.setString(2, state);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong("cards") >= hardMax) {
                            throw CardService.refuse(Outcome.Refusal.WIP_LIMIT, workflow.stateLabel(state) + " is at its limit of "
                                    + hardMax + " cards: move a card out of it first, or raise the column's limit.");
                        }
                    }
                }
            }
            return last + CardService.POSITION_STEP;
        });
    }
}
