package network.higherself.console.audit;

/** What an audit entry records. */
public enum AuditAction {
    CREATED, MOVED, EDITED, REORDERED, SIGNED_IN, SIGN_IN_FAILED, LOCKED_OUT, PERMISSION_GRANTED, PERMISSION_REVOKED,
    /** An agent made a card's checklist (Ruvo, when a booking enters preparation). */
    TASKS_CREATED,
    /** A checklist task was ticked. */
    TASK_DONE,
    /** A ticked task was opened again. */
    TASK_REOPENED,
    /** An approved agent message reached its receiver, which acted on it (recorded on the card it is about). */
    MESSAGE_DELIVERED,
    /** An administrator changed what a role may do on a board. */
    ROLE_RIGHTS_CHANGED,
    /** A staff account was created (the first administrator, or by an administrator). */
    ACCOUNT_CREATED,
    /** A staff member's password was set or changed (never the password itself). */
    PASSWORD_CHANGED
}
