package network.higherself.console.audit;

/** What an audit entry records. */
public enum AuditAction {
    CREATED, MOVED, EDITED, REORDERED, SIGNED_IN, SIGN_IN_FAILED, LOCKED_OUT, PERMISSION_GRANTED, PERMISSION_REVOKED,
    /** An administrator changed what a role may do on a board. */
    ROLE_RIGHTS_CHANGED,
    /** A staff account was created (the first administrator, or by an administrator). */
    ACCOUNT_CREATED,
    /** A staff member's password was set or changed (never the password itself). */
    PASSWORD_CHANGED
}
