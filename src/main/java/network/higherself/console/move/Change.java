package network.higherself.console.move;

import java.util.Objects;
import java.util.UUID;

/**
 * A change of a card, as a value: what the change pipeline ({@link CardService#apply}) checks and makes, and what
 * the sync outbox records (kind {@link #kind()}, with its {@link FieldValues}), so that another desktop can replay
 * it through the same pipeline. Who makes it is given beside it.
 */
public sealed interface Change permits Change.Create, Change.Move, Change.Edit, Change.Reorder,
        Change.Correct {

    /** The outbox's name for this kind of change. */
    String kind();

    /** The card it changes; null for a creation. */
    Long cardId();

    /** The version of the card the person saw (a different one is a conflict); null: whatever it is now. */
    Long expectedVersion();

    /** The fields it writes (none for a reorder). */
    CardChange fields();

    /**
     * A new card of {@code workflowId}'s kind, in its workflow's first state, at the end of that column; {@code uid}
     * is the identity another desktop gave it (a card that arrives through sync), null for a new one.
     */
    record Create(String workflowId, String title, CardChange fields, UUID uid) implements Change {
        public Create {
            Objects.requireNonNull(workflowId, "workflowId");
            title = title == null ? "" : title;
            fields = fields == null ? CardChange.NONE : fields;
        }

        public Create(String workflowId, String title, CardChange fields) {
            this(workflowId, title, fields, null);
        }

        @Override
        public String kind() {
            return "CREATE";
        }

        @Override
        public Long cardId() {
            return null;
        }

        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    /**
     * A move along a transition: by {@code event}, or to {@code targetState} (or both, which must agree), with the
     * values the event asks for ({@code fields}: a quote, a reason) and a note for the audit trail.
     */
    record Move(long id, String event, String targetState, Long expectedVersion, CardChange fields, String note)
            implements Change {
        public Move {
            if (event == null && targetState == null) {
                throw new IllegalArgumentException("A move needs an event or a target state.");
            }
            fields = fields == null ? CardChange.NONE : fields;
        }

        @Override
        public String kind() {
            return "MOVE";
        }

        @Override
        public Long cardId() {
            return id;
        }
    }

    /** New values for some of a card's fields, without moving it. */
    record Edit(long id, Long expectedVersion, CardChange fields) implements Change {
        public Edit {
            Objects.requireNonNull(fields, "fields");
        }

        @Override
        public String kind() {
            return "EDIT";
        }

        @Override
        public Long cardId() {
            return id;
        }
    }

    /**
     * The card put between two neighbours of its column: {@code previousId} above it, {@code nextId} below it;
     * either may be null at an end.
     */
    record Reorder(long id, Long previousId, Long nextId, Long expectedVersion) implements Change {
        @Override
        public String kind() {
            return "REORDER";
        }

        @Override
        public Long cardId() {
            return id;
        }

        @Override
        public CardChange fields() {
            return CardChange.NONE;
        }
    }

    /**
     * The card's last move taken back (a wrong drop put right): the card returns to the column it left, at its end.
     * Who may, and when, is the pipeline's to check (the mover for {@link CardService#CORRECTION_WINDOW}, a manager
     * later or for another's move); {@code reason} is recorded with the correction. The values given with the move
     * stay on the card (they are its data, and can be edited). {@code expectedVersion} is the version the move
     * left the card at: a card that changed since is not corrected.
     */
    record Correct(long id, Long expectedVersion, String reason) implements Change {
        @Override
        public String kind() {
            return "CORRECT";
        }

        @Override
        public Long cardId() {
            return id;
        }

        @Override
        public CardChange fields() {
            return CardChange.NONE;
        }
    }
}
