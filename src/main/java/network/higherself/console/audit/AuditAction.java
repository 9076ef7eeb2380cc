package network.higherself.console.audit;

/** What an audit entry records. */
public enum AuditAction {
    CREATED, MOVED, EDITED, REORDERED, SIGNED_IN, SIGN_IN_FAILED, LOCKED_OUT, PERMISSION_GRANTED, PERMISSION_REVOKED, ROLE_RIGHTS_CHANGED
}
