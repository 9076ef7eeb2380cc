package network.higherself.console.audit;

import java.util.Set;

/**
 * What an audit entry records. Every change of a card's row is one entry of {@link #CARD_CHANGES}, made in the
 * change's transaction: a card's workflow, state and version follow from its entries alone (CREATED gives version
 * 0 in the workflow's first state, each later one of them adds one; MOVED sets the state it names).
 */
public enum AuditAction {
    /** A card was created (its details: every field it was given, as an {@link EditDiff} from nothing). */
    CREATED,
    /** A card moved along a transition (its details: what the move's input changed, an {@link EditDiff}). */
    MOVED,
    /** A card's fields were changed (its details: an {@link EditDiff}). */
    EDITED,
    /**
     * A card was put elsewhere in its column. Positions are the column's order, not the card's data: when the
     * column has to be renumbered to make room, the other cards' positions change without an entry of their own
     * and without a new version (the entry says the column was renumbered).
     */
    REORDERED,
    SIGNED_IN, SIGN_IN_FAILED, LOCKED_OUT, PERMISSION_GRANTED, PERMISSION_REVOKED,
    /** An agent made a card's checklist (Ruvo, when a booking enters preparation). */
    TASKS_CREATED,
    /** A checklist task was ticked. */
    TASK_DONE,
    /** A ticked task was opened again. */
    TASK_REOPENED,
    /** An approved agent message reached its receiver, which acted on it (recorded on the card it is about). */
    MESSAGE_DELIVERED,
    /** An administrator changed what a role may do on a board (its details: a {@link RoleRightsEntry}). */
    ROLE_RIGHTS_CHANGED,
    /** A staff account was created (the first administrator, or by an administrator). */
    ACCOUNT_CREATED,
    /** A staff member's password was set or changed (never the password itself). */
    PASSWORD_CHANGED,
    /** A column's work-in-progress limit was set or removed (its details: a {@link ColumnLimitEntry}). */
    COLUMN_LIMIT_CHANGED,
    /**
     * A card took the sync server's copy of itself (its own change lost to another desktop's, or the server's order
     * said so): its state is the entry's {@code to_state}; its details, an {@link EditDiff}, begin with the line
     * {@code version}, whose new value is the card's version, then the fields that changed.
     */
    SERVER_COPY,
    ACCOUNT_COPY,
    /** A shared row (a staff account, a role's rights, a column limit, a checklist task) arrived from the sync server. */
    SYNCED,
    /** This data folder was connected to a sync server, or disconnected from it. */
    SYNC_SETUP,
    /** A change of this desktop that lost to another desktop's was applied again, or let go, by its person. */
    CONFLICT_RESOLVED;

    /** The entries that change a card's row, each adding one to its version (CREATED: version 0). */
    public static final Set<AuditAction> CARD_CHANGES = Set.of(CREATED, MOVED, EDITED, REORDERED);

    /** The entries that set a card's state and version outright (a copy taken from the sync server). */
    public static final Set<AuditAction> CARD_COPIES = Set.of(SERVER_COPY);

    /**
     * The line of a {@link #SERVER_COPY} entry's details that gives the card's version before and after (a key no
     * card field has: an interface release has a field "version" of its own).
     */
    public static final String COPY_VERSION = "card_version";
}
