package network.higherself.console.audit;

import network.higherself.console.card.PermissionRequest;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.SignInAttempts;
import network.higherself.console.staff.WorkflowRights;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Replays the audit trail from its first entry and compares what it implies with the tables: every card's
 * workflow, state and version (CREATED: version 0 in the state it names; every later MOVED, EDITED or REORDERED
 * adds one, as Hibernate's {@code @Version} does once per change of the card's row; MOVED names the state), what
 * every permission request grants in force (PERMISSION_GRANTED and PERMISSION_REVOKED), every account's role and
 * lock (ACCOUNT_CREATED; the failed sign-ins, locks, sign-ins and new passwords that count and clear them), every
 * right an administrator set for a role on a board (ROLE_RIGHTS_CHANGED) and every column's limit
 * (COLUMN_LIMIT_CHANGED). A difference is a change made to the tables without going through the console (or an
 * entry removed): each is named in a sentence, by labels.
 *
 * <p>It does not check the chain's hashes: {@link AuditVerifier} does, and a replay means something only over a
 * chain found intact.
 */
public final class TrailReplay {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final WorkflowCatalog workflows;

    public TrailReplay(WorkflowCatalog workflows) {
        this.workflows = Objects.requireNonNull(workflows);
    }

    /** What was compared, and every difference found (empty: the tables are what the trail says). */
    public record Comparison(int cards, int accounts, int rights, int limits, List<String> differences) {
        public boolean matches() {
            return differences.isEmpty();
        }
    }

    // ------------------------------------------------------------------ what the trail implies

    private static final class CardSeen {
        final long createdBy;
        final String workflowId;
        String state;
        long version;
        String title;
        GrantEntry grant;

        CardSeen(long createdBy, String workflowId, String state) {
            this.createdBy = createdBy;
            this.workflowId = workflowId;
            this.state = state;
        }
    }

    private static final class AccountSeen {
        final String role;
        SignInAttempts attempts = SignInAttempts.NONE;

        AccountSeen(String role) {
            this.role = role;
        }
    }

    private final class Implied {
        final Map<Long, CardSeen> cards = new HashMap<>();
        final Map<String, AccountSeen> accounts = new HashMap<>();
        final Map<String, RoleRightsEntry> rights = new HashMap<>();
        final Map<String, ColumnLimitEntry> limits = new HashMap<>();
        final List<String> problems = new ArrayList<>();

        void apply(long seq, Instant at, String actor, AuditAction action, String workflowId, Long cardId, String from,
                   String to, String details) {
            switch (action) {
                case CREATED -> created(seq, workflowId, cardId, to, details);
                case MOVED, EDITED, REORDERED -> changed(seq, action, cardId, from, to, details);
                case SERVER_COPY -> copied(seq, workflowId, cardId, to, details);
                case PERMISSION_GRANTED, PERMISSION_REVOKED -> granted(seq, action, cardId, details);
                case ACCOUNT_CREATED -> account(seq, actor, details);
                case ACCOUNT_COPY -> {
                    try {
                        AccountEntry.Copy a = AccountEntry.Copy.parse(details);
                        AccountSeen seen = new AccountSeen(a.role());
                        seen.attempts = a.attempts();
                        accounts.put(a.username(), seen);
                    } catch (IllegalArgumentException e) {
                        problems.add("Entry " + seq + " (an account taken from the sync server) cannot be read: "
                                + e.getMessage() + ".");
                    }
                }
                case SIGNED_IN -> attempts(actor, SignInAttempts.NONE);
                case SIGN_IN_FAILED -> {
                    AccountSeen a = accounts.get(actor);
                    if (a != null && (details == null || !details.startsWith(AccountEntry.REFUSED_LOCKED))) {
                        a.attempts = a.attempts.failedAt(at); // a lock's end is the LOCKED_OUT entry's, next
                    }
                }
                case LOCKED_OUT -> {
                    AccountSeen a = accounts.get(actor);
                    if (a != null) {
                        a.attempts = new SignInAttempts(0, AccountEntry.lockedUntil(details).orElse(null));
                    }
                }
                case PASSWORD_CHANGED -> attempts(AccountEntry.passwordOf(actor, details), SignInAttempts.NONE);
                case ROLE_RIGHTS_CHANGED -> {
                    try {
                        RoleRightsEntry r = RoleRightsEntry.parse(details);
                        rights.put(r.role() + "|" + r.workflowId(), r);
                    } catch (IllegalArgumentException e) {
                        problems.add("Entry " + seq + " (a role's rights changed) cannot be read: " + e.getMessage() + ".");
                    }
                }
                case COLUMN_LIMIT_CHANGED -> {
                    try {
                        ColumnLimitEntry l = ColumnLimitEntry.parse(details);
                        if (l.removed()) {
                            limits.remove(l.workflowId() + "|" + l.state());
                        } else {
                            limits.put(l.workflowId() + "|" + l.state(), l);
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add("Entry " + seq + " (a column's limit changed) cannot be read: " + e.getMessage() + ".");
                    }
                }
                default -> {
                    // sign-ins refused for unknown names, checklists, messages: no table this replay compares
                }
            }
        }

        private void created(long seq, String workflowId, Long cardId, String to, String details) {
            if (cardId == null) {
                problems.add("Entry " + seq + " records a card's creation but names no card.");
                return;
            }
            CardSeen before = cards.get(cardId);
            if (before != null) {
                problems.add("Entry " + seq + " creates card #" + cardId + " a second time (entry " + before.createdBy
                        + " created it first).");
                return;
            }
            CardSeen c = new CardSeen(seq, workflowId, to);
            c.title = titleIn(details, null);
            cards.put(cardId, c);
        }

        private void changed(long seq, AuditAction action, Long cardId, String from, String to, String details) {
            CardSeen c = cardId == null ? null : cards.get(cardId);
            if (c == null) {
                problems.add("Entry " + seq + " " + (action == AuditAction.MOVED ? "moves" : action == AuditAction.EDITED
                        ? "edits" : "reorders") + " card #" + cardId + ", which no earlier entry created.");
                return;
            }
            c.version++;
            if (action == AuditAction.MOVED) {
                if (!Objects.equals(from, c.state)) {
                    problems.add("Entry " + seq + " moves " + cardName(cardId, c.workflowId, c.title) + " out of the column "
                            + stateName(c.workflowId, from) + ", but the trail had it in " + stateName(c.workflowId, c.state) + ".");
                }
                c.state = to;
            }
            if (action != AuditAction.REORDERED) {
                c.title = titleIn(details, c.title);
            }
        }

        /** A card made what the sync server has: its column and version set outright (a new card when unseen). */
        private void copied(long seq, String workflowId, Long cardId, String to, String details) {
            if (cardId == null) {
                problems.add("Entry " + seq + " records a card taken from the sync server but names no card.");
                return;
            }
            CardSeen c = cards.computeIfAbsent(cardId, id -> new CardSeen(seq, workflowId, to));
            c.state = to;
            c.title = titleIn(details, c.title);
            for (EditDiff.Line l : EditDiff.parse(details).lines()) {
                if (AuditAction.COPY_VERSION.equals(l.key())) {
                    try {
                        c.version = Long.parseLong(l.after());
                    } catch (NumberFormatException e) {
                        problems.add("Entry " + seq + " (a card taken from the sync server) gives no version it can be read by ('" + l.after() + "').");
                    }
                }
            }
        }

        private void granted(long seq, AuditAction action, Long cardId, String details) {
            CardSeen c = cardId == null ? null : cards.get(cardId);
            if (c == null) {
                problems.add("Entry " + seq + " records a grant of permission request #" + cardId + ", which no earlier entry created.");
                return;
            }
            try {
                GrantEntry g = GrantEntry.parse(details);
                c.grant = action == AuditAction.PERMISSION_GRANTED ? g : null;
            } catch (IllegalArgumentException e) {
                problems.add("Entry " + seq + " (a permission " + (action == AuditAction.PERMISSION_GRANTED ? "granted" : "removed")
                        + ") cannot be read: " + e.getMessage() + ".");
            }
        }

        private void account(long seq, String actor, String details) {
            try {
                AccountEntry a = AccountEntry.parse(actor, details);
                if (accounts.containsKey(a.username())) {
                    problems.add("Entry " + seq + " creates the account " + a.username() + " a second time.");
                }
                accounts.put(a.username(), new AccountSeen(a.role()));
            } catch (IllegalArgumentException e) {
                problems.add("Entry " + seq + " (an account created) cannot be read: " + e.getMessage() + ".");
            }
        }

        private void attempts(String username, SignInAttempts attempts) {
            AccountSeen a = accounts.get(username);
            if (a != null) {
                a.attempts = attempts;
            }
        }
    }

    /** The card's title as a change's details set it, else {@code before}. */
    private static String titleIn(String details, String before) {
        for (EditDiff.Line l : EditDiff.parse(details).lines()) {
            if ("title".equals(l.key())) {
                return l.after();
            }
        }
        return before;
    }

    private Implied replay(Connection c) throws SQLException {
        Implied implied = new Implied();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, actor, action, workflow_id, card_id, from_state, "
                + "to_state, details FROM audit_entry ORDER BY seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    AuditAction action;
                    try {
                        action = AuditAction.valueOf(rs.getString("action"));
                    } catch (IllegalArgumentException e) {
                        implied.problems.add("Entry " + seq + " records an action the console does not know: '"
                                + rs.getString("action") + "'.");
                        continue;
                    }
                    long card = rs.getLong("card_id");
                    Long cardId = rs.wasNull() ? null : card;
                    implied.apply(seq, rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), action,
                            rs.getString("workflow_id"), cardId, rs.getString("from_state"), rs.getString("to_state"),
                            rs.getString("details"));
                }
            }
        }
        return implied;
    }

    // ------------------------------------------------------------------ compared with the tables

    /** Replays the trail read through {@code c} and compares it with the tables. */
    public Comparison compare(Connection c) throws SQLException {
        Implied implied = replay(c);
        List<String> out = new ArrayList<>(implied.problems);
        int cards = compareCards(c, implied, out);
        int accounts = compareAccounts(c, implied, out);
        int rights = compareRights(c, implied, out);
        int limits = compareLimits(c, implied, out);
        return new Comparison(cards, accounts, rights, limits, List.copyOf(out));
    }

    private int compareCards(Connection c, Implied implied, List<String> out) throws SQLException {
        Map<Long, CardSeen> unseen = new TreeMap<>(implied.cards);
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.workflow_id, c.state, c.version, c.title, "
                + "c.granted_role, c.granted_scopes, m.username AS requester FROM card c "
                + "LEFT JOIN staff_member m ON m.id = c.requester_id ORDER BY c.id")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    long id = rs.getLong("id");
                    String workflowId = rs.getString("workflow_id");
                    String state = rs.getString("state");
                    String name = cardName(id, workflowId, rs.getString("title"));
                    CardSeen seen = unseen.remove(id);
                    if (seen == null) {
                        out.add(name + " (" + boardName(workflowId) + ", column " + stateName(workflowId, state)
                                + ") is in the table, but no entry of the trail created it.");
                        continue;
                    }
                    if (!workflowId.equals(seen.workflowId)) {
                        out.add(name + " is on " + boardName(workflowId) + " in the table, but the trail created it on "
                                + boardName(seen.workflowId) + " (entry " + seen.createdBy + ").");
                        continue;
                    }
                    if (!state.equals(seen.state)) {
                        out.add(name + " is in the column " + stateName(workflowId, state) + " in the table, but the trail leaves it in "
                                + stateName(workflowId, seen.state) + ": its state was changed without an entry.");
                    }
                    long version = rs.getLong("version");
                    if (version != seen.version) {
                        out.add(name + " is at version " + version + " in the table, but the trail records " + changes(seen.version)
                                + " since its creation (version " + seen.version + ").");
                    }
                    if (PermissionRequest.WORKFLOW.equals(workflowId)) {
                        compareGrant(name, rs, state, seen.grant, out);
                    }
                }
            }
        }
        unseen.forEach((id, seen) -> out.add(cardName(id, seen.workflowId, seen.title) + ", created by entry " + seen.createdBy
                + ", is not in the table: it was removed without an entry."));
        return n;
    }

    private static String changes(long n) {
        return n == 1 ? "1 change" : n + " changes";
    }

    private static void compareGrant(String name, ResultSet rs, String state, GrantEntry trail, List<String> out)
            throws SQLException {
        String role = rs.getString("granted_role");
        String scopes = rs.getString("granted_scopes");
        GrantEntry table = null;
        if (PermissionRequest.IN_FORCE.contains(state) && (role != null || scopes != null)) {
            String whom = rs.getString("requester");
            table = new GrantEntry(whom == null ? "?" : whom, PermissionRequest.grantText(roleOrNull(role), scopes));
        }
        if (Objects.equals(table, trail)) {
            return;
        }
        if (trail == null) {
            out.add(name + " grants " + table.what() + " to " + table.whom() + " in the table, but the trail records no such grant.");
        } else if (table == null) {
            out.add("The trail grants " + trail.what() + " to " + trail.whom() + " through " + lower(name)
                    + ", but the table has no such grant in force.");
        } else {
            out.add(name + " grants " + table.what() + " to " + table.whom() + " in the table, but the trail granted "
                    + trail.what() + " to " + trail.whom() + ".");
        }
    }

    private static Role roleOrNull(String name) {
        try {
            return name == null ? null : Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int compareAccounts(Connection c, Implied implied, List<String> out) throws SQLException {
        Map<String, AccountSeen> unseen = new TreeMap<>(implied.accounts);
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT username, display_name, role, failed_attempts, locked_until "
                + "FROM staff_member ORDER BY username");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                n++;
                String username = rs.getString("username");
                String role = rs.getString("role");
                String name = "The account " + username + " (" + rs.getString("display_name") + ")";
                AccountSeen seen = unseen.remove(username);
                if (seen == null) {
                    out.add(name + ", " + roleName(role) + ", is in the table, but no entry of the trail created it.");
                    continue;
                }
                if (!role.equals(seen.role)) {
                    out.add(name + " has the role " + roleName(role) + " in the table, but the trail created it as "
                            + roleName(seen.role) + " and records no change of role.");
                }
                OffsetDateTime until = rs.getObject("locked_until", OffsetDateTime.class);
                Instant lockedUntil = until == null ? null : until.toInstant();
                Instant lock = seen.attempts.lockedUntil();
                if (!sameInstant(lockedUntil, lock)) {
                    out.add(lockedUntil == null ? name + " has no lock in the table, but the trail locked it until "
                            + WHEN.format(lock) + ": the lock was lifted without an entry."
                            : lock == null ? name + " is locked until " + WHEN.format(lockedUntil)
                            + " in the table, but the trail records no such lock."
                            : name + " is locked until " + WHEN.format(lockedUntil) + " in the table, but the trail locked it until "
                            + WHEN.format(lock) + ".");
                }
                int failed = rs.getInt("failed_attempts");
                if (failed != seen.attempts.failed()) {
                    out.add(name + " has " + failed + " failed sign-ins counted in the table, but the trail counts "
                            + seen.attempts.failed() + " since its last sign-in, lock or new password.");
                }
            }
        }
        unseen.forEach((username, seen) -> out.add("The account " + username + ", created in the trail as "
                + roleName(seen.role) + ", is not in the table: it was removed without an entry."));
        return n;
    }

    /** Equal to the microsecond the database keeps (an instant in an entry's text may have more digits). */
    private static boolean sameInstant(Instant a, Instant b) {
        return a == null || b == null ? a == b : Duration.between(a, b).abs().compareTo(Duration.ofNanos(1000)) < 0;
    }

    private int compareRights(Connection c, Implied implied, List<String> out) throws SQLException {
        Map<String, RoleRightsEntry> unseen = new TreeMap<>(implied.rights);
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT role, workflow_id, can_view, can_create, can_edit, events "
                + "FROM role_right ORDER BY role, workflow_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                n++;
                RoleRightsEntry table = new RoleRightsEntry(rs.getString("role"), rs.getString("workflow_id"),
                        rs.getBoolean("can_view"), rs.getBoolean("can_create"), rs.getBoolean("can_edit"), rs.getString("events"));
                RoleRightsEntry seen = unseen.remove(table.role() + "|" + table.workflowId());
                String whose = roleName(table.role()) + " on " + boardName(table.workflowId());
                if (seen == null) {
                    out.add(whose + " may " + describe(table) + " in the table, but no entry of the trail set that: "
                            + "the role's defaults apply there.");
                } else if (!sameRights(seen, table)) {
                    out.add(whose + " may " + describe(table) + " in the table, but the trail last set " + describe(seen) + ".");
                }
            }
        }
        unseen.values().forEach(r -> out.add("The trail set what " + roleName(r.role()) + " may do on " + boardName(r.workflowId())
                + " (" + describe(r) + "), but the table has no such row: the role's defaults apply instead."));
        return n;
    }

    private static boolean sameRights(RoleRightsEntry a, RoleRightsEntry b) {
        return rights(a).equals(rights(b));
    }

    private static WorkflowRights rights(RoleRightsEntry r) {
        return WorkflowRights.stored(r.view(), r.create(), r.edit(), r.events());
    }

    private static String describe(RoleRightsEntry r) {
        return rights(r).describe();
    }

    private int compareLimits(Connection c, Implied implied, List<String> out) throws SQLException {
        Map<String, ColumnLimitEntry> unseen = new TreeMap<>(implied.limits);
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT workflow_id, state, max_cards, hard FROM column_limit "
                + "ORDER BY workflow_id, state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                n++;
                ColumnLimitEntry table = new ColumnLimitEntry(rs.getString("workflow_id"), rs.getString("state"),
                        rs.getInt("max_cards"), rs.getBoolean("hard"));
                ColumnLimitEntry seen = unseen.remove(table.workflowId() + "|" + table.state());
                String column = "The column " + stateName(table.workflowId(), table.state()) + " of "
                        + boardName(table.workflowId());
                if (seen == null) {
                    out.add(column + " has " + limit(table) + " in the table, but the trail never set one.");
                } else if (!seen.equals(table)) {
                    out.add(column + " has " + limit(table) + " in the table, but the trail last set " + limit(seen) + ".");
                }
            }
        }
        unseen.values().forEach(l -> out.add("The trail set " + limit(l) + " on the column " + stateName(l.workflowId(), l.state())
                + " of " + boardName(l.workflowId()) + ", but the table has no limit there."));
        return n;
    }

    private static String limit(ColumnLimitEntry l) {
        return (l.hard() ? "a hard limit of " : "a soft limit of ") + l.maxCards() + (l.maxCards() == 1 ? " card" : " cards");
    }

    // ------------------------------------------------------------------ names people read

    private String cardName(long id, String workflowId, String title) {
        String noun = workflows.find(workflowId).map(Workflow::cardNoun).orElse("card");
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + " #" + id + (title == null ? "" : " '" + title + "'");
    }

    private static String lower(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private String boardName(String workflowId) {
        return workflows.find(workflowId).map(w -> "the board " + w.board()).orElse("a board '" + workflowId + "' the console does not know");
    }

    private String stateName(String workflowId, String state) {
        if (state == null) {
            return "no column";
        }
        return workflows.find(workflowId).flatMap(w -> w.state(state)).map(State::label)
                .orElse("'" + Labels.humanize(state) + "'");
    }

    private static String roleName(String role) {
        Role r = roleOrNull(role);
        return r != null ? r.label() : "'" + role + "'";
    }
}
