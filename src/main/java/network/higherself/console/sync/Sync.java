package network.higherself.console.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditRecord;
import network.higherself.console.audit.AuditTrail;
import network.higherself.console.card.Card;
import network.higherself.console.card.CardKind;
import network.higherself.console.card.CardKinds;
import network.higherself.console.move.CardService;
import network.higherself.console.move.Change;
import network.higherself.console.move.ChangeJson;
import network.higherself.console.move.FieldValues;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import network.higherself.console.agent.TaskService;
import org.hibernate.SessionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * This desktop's side of sync: connecting the data folder to a server, pushing its outbox, pulling the other
 * desktops' events in the server's order and making them here through the change pipeline
 * ({@link CardService#replay}), and the conflicts its people see. Off until {@link #connect}: with no settings
 * row, nothing here touches the network. Never called on the JavaFX thread.
 * <p>
 * A pulled event is made here when this desktop's card is where the event started (same state and version); one
 * this desktop has already (its own, or in a copy it took) is skipped by the card's version; one that cannot be
 * made here (this desktop's rights or data differ) makes the card the server's copy, audited. So every desktop
 * ends in the server's order, card by card.
 */
public final class Sync {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CARD_KINDS = Set.of("CREATE", "UPLOAD", "MOVE", "EDIT", "REORDER");
    private static final int PAGE = 500;

    private final DataSource dataSource;
    private final SessionFactory sessions;
    private final CardService cards;
    private final TaskService tasks;
    private final WorkflowCatalog workflows;
    private final Clock clock;
    private final AuditTrail audit = new AuditTrail();
    private final PasswordSeal seal;

    public Sync(DataSource dataSource, SessionFactory sessions, CardService cards, TaskService tasks,
                WorkflowCatalog workflows, Clock clock, PasswordSeal seal) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.cards = cards;
        this.tasks = tasks;
        this.workflows = workflows;
        this.clock = clock;
        this.seal = seal;
    }

    /** Told how many cards a joining desktop has downloaded so far (on the thread that connects). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = n -> { };

        void downloaded(int cards);
    }

    /**
     * Where this data folder syncs to, and how far it has read the server's log; {@code passwordRemembered}: the
     * server's password is kept here, sealed ({@link PasswordSeal}).
     */
    public record Settings(String url, String user, long lastSeq, String lastHash, Instant connectedAt,
                           boolean passwordRemembered) {
        /** Where to, for people: the user at the address without its query options (which may hold file paths). */
        public String where() {
            return user + " at " + new ServerAddress(url, user, null).shortUrl();
        }
    }

    /** What one round of {@link #now} did. */
    public record Report(int pushed, int conflicts, int refused, int pulled, int applied, int copied, int skipped) {
        public String describe() {
            return "Sent " + pushed + " change" + (pushed == 1 ? "" : "s") + " to the server"
                    + (conflicts + refused == 0 ? "" : " (" + conflicts + " in conflict, " + refused + " refused: see sync conflicts)")
                    + "; took " + pulled + " from it (" + applied + " made here, " + copied + " taken as the server has the card, "
                    + skipped + " already here).";
        }

        Report plus(Report o) {
            return new Report(pushed + o.pushed, conflicts + o.conflicts, refused + o.refused, pulled + o.pulled,
                    applied + o.applied, copied + o.copied, skipped + o.skipped);
        }
    }

    /** A change of this desktop that lost to another desktop's, or that the server refused, until its person acts. */
    public record Conflict(long id, UUID eventId, Long cardId, String actor, String kind, String what, String instead,
                           String winner, String winnerDesk, Instant foundAt, String change) {
    }

    /** What this desktop's status line says. */
    public record Status(Optional<Settings> settings, int pending, int openConflicts) {
    }

    // ------------------------------------------------------------------ settings

    public Optional<Settings> settings() {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT url, username, last_seq, last_hash, connected_at, sealed_password FROM sync_settings WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Settings(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6) != null)) : Optional.<Settings>empty();
            }
        });
    }

    public Status status() {
        return read(c -> new Status(settings(), count(c, "SELECT COUNT(*) FROM outbox_event WHERE status = 'PENDING'"),
                count(c, "SELECT COUNT(*) FROM sync_conflict WHERE status = 'OPEN'")));
    }

    /**
     * Connects this data folder to the server at {@code address}: sets the server up when it is new (Flyway; needs
     * the server's owner), checks that it runs the same workflows, then uploads this desktop's cards (a new server),
     * downloads the server's (a data folder without cards) or refuses (both have cards: two histories are never
     * merged silently). Tried before anything is saved here.
     *
     * @return what was done, in a sentence
     * @throws SyncException with a sentence that says what to do
     */
    public String connect(ServerAddress address, Actor actor) {
        return connect(address, actor, false, Progress.NONE);
    }

    /**
     * {@link #connect(ServerAddress, Actor)}, telling {@code progress} how many cards were downloaded; with
     * {@code remember}, the password is kept here sealed ({@link PasswordSeal}) so the window syncs without asking.
     */
    public String connect(ServerAddress address, Actor actor, boolean remember, Progress progress) {
        if (!actor.hasRole(Role.ADMINISTRATOR)) {
            throw new SyncException("Only an administrator connects the console to a sync server.");
        }
        Optional<Settings> now = settings();
        if (now.isPresent()) {
            throw new SyncException("This data folder is already connected to " + now.get().url() + " as "
                    + now.get().user() + ": run 'sync disconnect' first to connect it elsewhere.");
        }
        try (SyncServer server = new SyncServer(address)) {
            int version = server.schemaVersion();
            if (version > SyncServer.SCHEMA_VERSION) {
                throw new SyncException("The server was set up by a newer console (server schema " + version
                        + ", this console knows " + SyncServer.SCHEMA_VERSION + "): update this console first.");
            }
            if (version < SyncServer.SCHEMA_VERSION) {
                server.migrate();
                if (version > 0) { // a server set up by an older console: the roles' defaults came with schema 4
                    server.defineRoles(workflows.all().stream().map(Workflow::id).toList());
                }
            }
            List<WorkflowDigest.Definition> ours = workflows.all().stream().map(WorkflowDigest::of).toList();
            Map<String, String> theirs = server.workflowDigests();
            if (theirs.isEmpty()) {
                server.defineWorkflows(ours);
                theirs = server.workflowDigests();
            }
            List<String> differ = new ArrayList<>();
            for (WorkflowDigest.Definition d : ours) {
                if (!d.digest().equals(theirs.get(d.id()))) {
                    differ.add(workflows.get(d.id()).board());
                }
            }
            if (!differ.isEmpty()) {
                throw new SyncException("The server's workflows differ from this console's for " + String.join(", ", differ)
                        + ": every desktop must run the same workflow definitions. Nothing was changed.");
            }
            ServerChain.Head head = server.head();
            long localCards = read(c -> (long) count(c, "SELECT COUNT(*) FROM card"));
            String done;
            ServerChain.Head from;
            if (head.seq() == 0) {
                int uploaded = upload(server);
                from = new ServerChain.Head(0, ServerChain.GENESIS);
                done = "Connected to " + address.shortUrl() + " as " + address.user() + ": this desktop's " + uploaded
                        + " card" + (uploaded == 1 ? "" : "s") + " are on the server now.";
            } else if (localCards == 0) {
                // what this folder did before joining (its first administrator's account, say) is not sent as it was:
                // the server's rows stand, and an account the server lacks is shared once the folder has joined
                List<String> localAccounts = write(c -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET status = 'LOCAL' WHERE status = 'PENDING'")) {
                        ps.executeUpdate();
                    }
                    List<String> names = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement("SELECT username FROM staff_member ORDER BY id");
                         ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            names.add(rs.getString(1));
                        }
                    }
                    return names;
                });
                java.util.Set<String> serverAccounts = new java.util.HashSet<>();
                int[] downloaded = {0};
                ServerChain.Head[] at = {null};
                server.snapshot(PAGE, new SyncServer.SnapshotReader() {
                    @Override
                    public void head(ServerChain.Head h) {
                        at[0] = h;
                    }

                    @Override
                    public void cards(List<SyncServer.ServerCard> page) {
                        takeCopies(page, "downloaded when this desktop joined the server"); // a page, one transaction
                        downloaded[0] += page.size();
                        progress.downloaded(downloaded[0]);
                    }

                    @Override
                    public void shared(List<SyncServer.SharedRow> rows) {
                        // the people, their rights and the limits first: the cards' changes name them
                        for (SyncServer.SharedRow row : rows) {
                            if (SharedRows.ACCOUNT.equals(row.kind())) {
                                serverAccounts.add(row.key());
                            }
                            ObjectNode body = JSON.createObjectNode();
                            body.put("event_id", UUID.randomUUID().toString());
                            body.put("actor", "console");
                            body.put("desktop", "the server");
                            ObjectNode shared = body.putObject("shared");
                            shared.put("kind", row.kind());
                            shared.put("key", row.key());
                            shared.set("data", json(row.data()));
                            takeShared(body);
                        }
                    }
                });
                from = at[0];
                List<String> same = localAccounts.stream().filter(serverAccounts::contains).toList();
                write(c -> {
                    for (String name : localAccounts) {
                        if (!serverAccounts.contains(name)) {
                            new Outbox().appendShared(c, clock.instant(), actor.auditName(), SharedRows.ACCOUNT, name);
                        }
                    }
                    return null;
                });
                done = "Connected to " + address.shortUrl() + " as " + address.user() + ": " + downloaded[0]
                        + " card" + (downloaded[0] == 1 ? "" : "s") + " and " + serverAccounts.size() + " staff account"
                        + (serverAccounts.size() == 1 ? "" : "s") + " downloaded from the server."
                        + (same.isEmpty() ? "" : " The account" + (same.size() == 1 ? " " : "s ") + String.join(", ", same)
                        + " made here before joining now " + (same.size() == 1 ? "has its" : "have their")
                        + " password and role from the server.");
            } else {
                throw new SyncException("This data folder has " + localCards + " cards of its own and the server at "
                        + address.shortUrl() + " has another history (" + head.seq() + " events): the two are not merged. "
                        + "Join with a new data folder that has no cards (start with --data-dir NEW --no-demo), or connect "
                        + "this one to a new, empty server.");
            }
            ServerChain.Head start = from;
            String sealed = remember && address.password() != null ? seal.seal(address.password()) : null;
            write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_settings (id, url, username, sealed_password, "
                        + "last_seq, last_hash, connected_at) VALUES (1, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, address.url());
                    ps.setString(2, address.user());
                    ps.setString(3, sealed);
                    ps.setLong(4, start.seq());
                    ps.setString(5, start.hash());
                    ps.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                audit.append(c, new AuditRecord(clock.instant(), actor.auditName(), AuditAction.SYNC_SETUP, null, null,
                        null, null, null, "connected to " + address.shortUrl() + " as " + address.user()
                        + (sealed == null ? "" : "; the password is remembered here, sealed"), null));
                return null;
            });
            return done + (sealed == null ? "" : " The password is remembered on this computer (sealed with a key in "
                    + seal.keyFile().getParent() + ").");
        }
    }

    /**
     * The server's password remembered here, opened with this user's key; empty when none is remembered or it cannot
     * be opened on this computer (the person types it again).
     */
    public Optional<String> rememberedPassword() {
        String sealed = read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sealed_password FROM sync_settings WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        return sealed == null ? Optional.empty() : seal.open(sealed);
    }

    /**
     * Remembers the server's password here, sealed (a non-null {@code password}), or forgets it (null). Only an
     * administrator does; audited (never the password itself).
     */
    public String rememberPassword(String password, Actor actor) {
        if (!actor.hasRole(Role.ADMINISTRATOR)) {
            throw new SyncException("Only an administrator changes whether the server's password is remembered.");
        }
        settings().orElseThrow(() -> new SyncException("This data folder is not connected to a sync server."));
        String sealed = password == null || password.isEmpty() ? null : seal.seal(password);
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_settings SET sealed_password = ? WHERE id = 1")) {
                ps.setString(1, sealed);
                ps.executeUpdate();
            }
            audit.append(c, new AuditRecord(clock.instant(), actor.auditName(), AuditAction.SYNC_SETUP, null, null,
                    null, null, null, sealed == null ? "the server's password is no longer remembered here"
                    : "the server's password is remembered here, sealed", null));
            return null;
        });
        return sealed == null ? "The server's password is forgotten: it is asked for when the console starts."
                : "The server's password is remembered on this computer, sealed with a key in " + seal.keyFile().getParent() + ".";
    }

    /** Disconnects this data folder (its data stays; what was not sent yet stays in the outbox). */
    public String disconnect(Actor actor) {
        if (!actor.hasRole(Role.ADMINISTRATOR)) {
            throw new SyncException("Only an administrator disconnects the console from its sync server.");
        }
        Settings s = settings().orElseThrow(() -> new SyncException("This data folder is not connected to a sync server."));
        int pending = status().pending();
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_settings WHERE id = 1")) {
                ps.executeUpdate();
            }
            audit.append(c, new AuditRecord(clock.instant(), actor.auditName(), AuditAction.SYNC_SETUP, null, null,
                    null, null, null, "disconnected from " + s.url(), null));
            return null;
        });
        return "Disconnected from " + s.url() + "." + (pending == 0 ? ""
                : " " + pending + " change" + (pending == 1 ? " was" : "s were") + " not sent; they stay here.");
    }

    // ------------------------------------------------------------------ the server's log

    /**
     * What {@link #verifyServer} found: {@code checked} events whose chain is whole, or the first {@code problem}.
     */
    public record ServerVerification(long checked, Optional<String> problem, ServerChain.Head head) {
        public boolean intact() {
            return problem.isEmpty();
        }
    }

    /**
     * Checks the server's event log from its first event to its head as it was when the check began: every event's
     * number follows the one before, its link is the previous event's hash and its hash is its own; and the point
     * this desktop had read up to is still on the chain (the server's history was not rewritten since).
     */
    public ServerVerification verifyServer(SyncServer server) {
        ServerChain.Head head = server.head();
        Optional<Settings> here = settings();
        ServerChain chain = new ServerChain();
        String problem = null;
        long after = 0;
        while (after < head.seq() && problem == null) {
            List<ServerEvent> page = server.pull(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (ServerEvent e : page) {
                if (e.seq() > head.seq()) {
                    break; // pushed while checking: the next check reads it
                }
                if (!chain.add(e)) {
                    problem = chain.problem().orElseThrow();
                    break;
                }
                if (here.isPresent() && e.seq() == here.get().lastSeq() && !e.hash().equals(here.get().lastHash())) {
                    problem = "server event " + e.seq() + " is not the one this desktop took (its hash differs): the "
                            + "server's log was rewritten after this desktop read it";
                    break;
                }
                after = e.seq();
            }
        }
        if (problem == null && !chain.finish(head)) {
            problem = chain.problem().orElseThrow();
        }
        if (problem == null && here.isPresent() && here.get().lastSeq() > head.seq()) {
            problem = "the server has " + head.seq() + " events but this desktop took " + here.get().lastSeq()
                    + ": events were removed from the server";
        }
        return new ServerVerification(chain.checked(), Optional.ofNullable(problem), head);
    }

    // ------------------------------------------------------------------ one round

    /** Pushes what this desktop has not sent, then pulls and makes here what the others did. */
    public Report now(SyncServer server) {
        Settings s = settings().orElseThrow(() -> new SyncException(
                "This data folder is not connected to a sync server: run 'sync connect' first."));
        Report pushed = push(server);
        return pushed.plus(pull(server, s));
    }

    /**
     * Sends the outbox, in order, up to 500 events per server transaction (only: {@link #now} also pulls), and after
     * each answer does this desktop's bookkeeping ({@link #keep}). A desktop that dies between the server's commit
     * and its bookkeeping sends the same events again: the server answers as the first time.
     */
    public Report push(SyncServer server) {
        Report total = new Report(0, 0, 0, 0, 0, 0, 0);
        Long first = read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(seq) FROM outbox_event WHERE status = 'PENDING'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                long seq = rs.getLong(1);
                return rs.wasNull() ? null : seq;
            }
        });
        if (first == null) {
            return total; // nothing to send (and no walk along an outbox of sent events to find that out)
        }
        long after = first - 1;
        while (true) {
            long from = after;
            List<Pending> batch = read(c -> pending(c, from));
            if (batch.isEmpty()) {
                return total;
            }
            after = batch.get(batch.size() - 1).outboxId();
            List<JsonNode> events = new ArrayList<>(batch.size());
            for (Pending p : batch) {
                events.add(p.event());
            }
            total = total.plus(keep(server, batch, server.push(events)));
        }
    }

    /**
     * The bookkeeping of a page the server answered. What the server took is marked sent. Each card with a
     * lost change becomes the server's, as the server has it now (not as the answer had it: a retried push is
     * answered as the first time, with the copy of then), and in the same local transaction its lost changes are
     * marked so, each with its conflict, with the card's later changes still waiting (made on top of them): all of
     * it or none, so a desktop killed on the way sends the changes again, is answered alike and does it again, and a
     * change made here on the copy is never marked lost. A refused shared row is taken back from the server first.
     */
    private Report keep(SyncServer server, List<Pending> batch, List<PushAnswer> answers) {
        Map<Long, Long> inLog = new LinkedHashMap<>();
        Map<String, List<Integer>> lostByCard = new LinkedHashMap<>();
        List<Integer> lostOther = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            if (answers.get(i).inLog()) {
                inLog.put(p.outboxId(), answers.get(i).seq());
            } else if (p.cardUid() != null) {
                lostByCard.computeIfAbsent(p.cardUid(), k -> new ArrayList<>()).add(i);
            } else {
                lostOther.add(i);
            }
        }
        markSent(inLog);
        long pageEnd = batch.get(batch.size() - 1).outboxId();
        int[] lost = new int[2]; // conflicts, refusals
        for (Map.Entry<String, List<Integer>> card : lostByCard.entrySet()) {
            List<Integer> changes = card.getValue();
            CardService.WithCopy marks = c -> {
                for (int k = 0; k < changes.size(); k++) {
                    int i = changes.get(k);
                    int n = lose(c, batch.get(i), answers.get(i), k == 0 ? pageEnd : null);
                    lost[answers.get(i).status() == PushAnswer.Status.CONFLICT ? 0 : 1] += n;
                }
            };
            String why = answers.get(changes.get(0)).status() == PushAnswer.Status.CONFLICT
                    ? "another desktop changed the card first" : "the server refused this desktop's change";
            copyFromServer(server, card.getKey(), why, marks);
        }
        for (int i : lostOther) {
            Pending p = batch.get(i);
            if (Outbox.SHARED.equals(p.kind())) {
                JsonNode row = p.event().path("shared");
                takeServerRow(server, row.path("kind").asText(), row.path("key").asText());
            }
            int n = write(c -> lose(c, p, answers.get(i), null));
            lost[answers.get(i).status() == PushAnswer.Status.CONFLICT ? 0 : 1] += n;
        }
        return new Report(inLog.size(), lost[0], lost[1], 0, 0, 0, 0);
    }

    /** Reads the server's log after what this desktop has, checks its chain, and makes each event here. */
    Report pull(SyncServer server, Settings s) {
        ServerChain chain = ServerChain.from(new ServerChain.Head(s.lastSeq(), s.lastHash()));
        long after = s.lastSeq();
        int pulled = 0;
        int applied = 0;
        int copied = 0;
        int skipped = 0;
        while (true) {
            List<ServerEvent> events = server.pull(after, PAGE);
            if (events.isEmpty()) {
                return new Report(0, 0, 0, pulled, applied, copied, skipped);
            }
            // this desktop's own events, which it sent and knows the numbers of: made here already
            long first = events.get(0).seq();
            long end = events.get(events.size() - 1).seq();
            java.util.Set<Long> mine = read(c -> {
                java.util.Set<Long> seqs = new java.util.HashSet<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT server_seq FROM outbox_event WHERE status = 'SENT' AND server_seq BETWEEN ? AND ?")) {
                    ps.setLong(1, first);
                    ps.setLong(2, end);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            seqs.add(rs.getLong(1));
                        }
                    }
                }
                return seqs;
            });
            for (ServerEvent e : events) {
                if (!chain.add(e)) {
                    throw new SyncException("The server's log does not hold together (" + chain.problem().orElse("")
                            + "): nothing after event " + after + " was taken from it. Tell whoever runs the server.");
                }
                switch (mine.contains(e.seq()) ? Made.SKIPPED : make(server, e)) {
                    case APPLIED -> applied++;
                    case COPIED -> copied++;
                    case SKIPPED -> skipped++;
                }
                pulled++;
                after = e.seq();
            }
            // how far this desktop has read, once a page: an event read again after a crash is skipped by its card's version
            ServerEvent last = events.get(events.size() - 1);
            write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE sync_settings SET last_seq = ?, last_hash = ? WHERE id = 1 AND last_seq < ?")) {
                    ps.setLong(1, last.seq());
                    ps.setString(2, last.hash());
                    ps.setLong(3, last.seq());
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    private enum Made { APPLIED, COPIED, SKIPPED }

    private Made make(SyncServer server, ServerEvent e) {
        JsonNode body = json(e.body());
        String kind = body.path("kind").asText();
        if (Outbox.SHARED.equals(kind)) {
            return takeShared(body);
        }
        if (TaskService.OUTBOX_KIND.equals(kind)) {
            return takeTick(body);
        }
        if (!CARD_KINDS.contains(kind)) {
            return Made.SKIPPED;
        }
        String uid = body.path("card_uid").asText();
        String workflowId = body.path("workflow_id").asText();
        Workflow workflow = workflows.find(workflowId).orElse(null);
        if (workflow == null) {
            return Made.SKIPPED;
        }
        CardKind cardKind = CardKinds.of(workflowId);
        LocalCard local = read(c -> localCard(c, uid));
        long base = body.path("base_version").asLong();
        long result = kind.equals("UPLOAD") ? body.path("version").asLong() : kind.equals("CREATE") ? 0 : base + 1;
        if (local != null && local.version() >= result) {
            return Made.SKIPPED; // this desktop has it: its own change, or a copy taken since
        }
        Actor actor = actor(body.path("actor").asText());
        if (kind.equals("UPLOAD") || (kind.equals("CREATE") && (local != null || actor == null))) {
            if (local == null) {
                takeCopy(UUID.fromString(uid), workflowId, body.path("to_state").asText(), result, body.path("card").toString(),
                        "uploaded by " + body.path("desktop").asText());
                return Made.COPIED;
            }
            return Made.SKIPPED;
        }
        if (local == null && !kind.equals("CREATE")) {
            copyFromServer(server, uid, "this desktop did not have the card");
            return Made.COPIED;
        }
        if (local != null && (local.version() != base || !local.state().equals(body.path("from_state").asText()))) {
            if (read(c -> count(c, "SELECT COUNT(*) FROM outbox_event WHERE status = 'PENDING' AND card_id = " + local.id())) > 0) {
                return Made.SKIPPED; // this desktop changed the card meanwhile: its push meets the conflict and takes the copy
            }
            copyFromServer(server, uid, "this desktop's card was not where the change started");
            return Made.COPIED;
        }
        Change change;
        try {
            change = read(c -> change(c, cardKind, kind, local, body, uid));
        } catch (IllegalArgumentException bad) {
            copyFromServer(server, uid, "the change could not be read here (" + bad.getMessage() + ")");
            return Made.COPIED;
        }
        Outcome o = actor == null ? null : cards.replay(actor, change);
        if (o != null && o.isDone()) {
            return Made.APPLIED;
        }
        String why = o == null ? body.path("actor").asText() + " has no account here" : o.message();
        copyFromServer(server, uid, "the change of " + body.path("desktop").asText() + " could not be made here: " + why);
        return Made.COPIED;
    }

    private Change change(Connection c, CardKind cardKind, String kind, LocalCard local, JsonNode body, String uid)
            throws SQLException {
        Wire wire = new Wire(c);
        JsonNode payload = body.path("change");
        FieldValues values = payload.path("fields").isObject()
                ? ChangeJson.values(cardKind, wire.local(cardKind, payload.path("fields"))) : FieldValues.NONE;
        long base = body.path("base_version").asLong();
        return switch (kind) {
            case "CREATE" -> {
                Object title = values.get(Card.TITLE);
                yield new Change.Create(body.path("workflow_id").asText(), title == null ? "" : title.toString(), values,
                        UUID.fromString(uid));
            }
            case "MOVE" -> new Change.Move(local.id(), text(payload, "event"), text(payload, "to"), base, values,
                    text(payload, "note"));
            case "EDIT" -> new Change.Edit(local.id(), base, values);
            default -> new Change.Reorder(local.id(), wire.localCard(text(payload, "previous")),
                    wire.localCard(text(payload, "next")), base);
        };
    }

    /** Who an event's actor is here: a staff member this desktop has, an agent, the console; null when unknown. */
    private Actor actor(String auditName) {
        if (auditName.startsWith("agent:")) {
            return Actor.agent(auditName.substring("agent:".length()));
        }
        if (auditName.equals(Actor.system().auditName())) {
            return Actor.system();
        }
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT role FROM staff_member WHERE username = ?")) {
                ps.setString(1, auditName);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Actor.staff(auditName, Role.valueOf(rs.getString(1))) : null;
                }
            }
        });
    }

    // ------------------------------------------------------------------ conflicts

    /** The open conflicts, oldest first: of {@code actorName} only, or everyone's when null. */
    public List<Conflict> openConflicts(String actorName) {
        return read(c -> {
            List<Conflict> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.event_id, s.card_id, s.actor, s.kind, s.what, "
                    + "s.instead, s.winner, s.winner_desk, s.found_at, o.kind, o.payload FROM sync_conflict s "
                    + "LEFT JOIN outbox_event o ON o.event_id = s.event_id WHERE s.status = 'OPEN'"
                    + (actorName == null ? "" : " AND s.actor = ?") + " ORDER BY s.id")) {
                if (actorName != null) {
                    ps.setString(1, actorName);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long card = rs.getLong(3);
                        out.add(new Conflict(rs.getLong(1), rs.getObject(2, UUID.class), rs.wasNull() ? null : card,
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getString(9), rs.getObject(10, OffsetDateTime.class).toInstant(), rs.getString(12)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Makes a lost change again, from the card's state now, through the pipeline as {@code actor} (its person, or a
     * manager): a move by the same event, an edit with the same values. Refused, with the pipeline's sentence, when
     * it is not legal from there; the conflict then stays open.
     */
    public Outcome applyAgain(long conflictId, Actor actor) {
        Conflict conflict = conflict(conflictId, actor);
        if (conflict.cardId() == null || conflict.change() == null) {
            return new Outcome.Refused(Outcome.Refusal.INVALID, "This change cannot be made again: let it go.");
        }
        Change change;
        Card card = sessions.fromSession(s -> s.find(Card.class, conflict.cardId()));
        try {
            Change lost = ChangeJson.read(conflict.kind(), card.workflowId(), card.getId(), card.getVersion(), conflict.change());
            change = lost instanceof Change.Move m
                    ? new Change.Move(m.id(), m.event(), null, card.getVersion(), m.fields(), m.note()) : lost;
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused(Outcome.Refusal.INVALID, "This change cannot be read again (" + e.getMessage() + "): let it go.");
        }
        Outcome o = cards.apply(actor, change);
        if (o.isDone()) {
            resolve(conflict, actor, "APPLIED", "applied again from " + workflows.get(card.workflowId()).stateLabel(card.getState()));
        }
        return o;
    }

    /** Lets a lost change go: the card stays as the other desktop left it. Audited. */
    public Outcome letGo(long conflictId, Actor actor) {
        Conflict conflict = conflict(conflictId, actor);
        resolve(conflict, actor, "LET_GO", "let go");
        return new Outcome.Done(conflict.cardId() == null ? 0 : conflict.cardId(), null, 0,
                "Let go: " + conflict.what() + ".");
    }

    private Conflict conflict(long id, Actor actor) {
        Conflict c = openConflicts(null).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new SyncException("There is no open conflict #" + id + "."));
        boolean manager = actor.hasRole(Role.MANAGER) || actor.hasRole(Role.ADMINISTRATOR);
        if (!c.actor().equals(actor.auditName()) && !manager) {
            throw new SyncException("This conflict is " + c.actor() + "'s: they, a manager or an administrator resolve it.");
        }
        return c;
    }

    private void resolve(Conflict conflict, Actor actor, String how, String sentence) {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_conflict SET status = ?, resolved_at = ?, "
                    + "resolved_by = ? WHERE id = ? AND status = 'OPEN'")) {
                ps.setString(1, how);
                ps.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                ps.setString(3, actor.auditName());
                ps.setLong(4, conflict.id());
                ps.executeUpdate();
            }
            String workflowId = null;
            if (conflict.cardId() != null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT workflow_id FROM card WHERE id = ?")) {
                    ps.setLong(1, conflict.cardId());
                    try (ResultSet rs = ps.executeQuery()) {
                        workflowId = rs.next() ? rs.getString(1) : null;
                    }
                }
            }
            audit.append(c, new AuditRecord(clock.instant(), actor.auditName(), AuditAction.CONFLICT_RESOLVED, workflowId,
                    workflowId == null ? null : conflict.cardId(), null, null, null,
                    conflict.what() + ": " + sentence, null));
            return null;
        });
    }

    /**
     * A change the server did not take, in one local transaction: its conflict for its person, its mark, and, from
     * {@code after} on (the end of its page; null: none), this desktop's later changes of the same card still waiting
     * to be sent, which were made on top of it and lose with it (each its own conflict, none sent: the server would
     * take one whose version number happens to match its copy's, on a card this desktop is about to replace with that
     * copy). The changes of the card later in the same page the server answered itself. How many changes were lost.
     */
    private int lose(Connection c, Pending p, PushAnswer a, Long after) throws SQLException {
        String status = a.status() == PushAnswer.Status.CONFLICT ? "CONFLICT" : "REFUSED";
        recordConflict(c, p, a);
        markLost(c, p.outboxId(), status);
        if (after == null) {
            return 1;
        }
        List<Pending> later = pending(c, "o.seq > ? AND o.card_id = ? AND o.status = 'PENDING'", after, p.cardId());
        for (Pending l : later) {
            recordConflict(c, l, a);
            markLost(c, l.outboxId(), status);
        }
        return 1 + later.size();
    }

    /**
     * Records a lost change's conflict for its person, unless it is recorded already: a data folder whose console
     * was killed between the two, when they were two transactions, has the conflict and the change still pending, and
     * its every push failed on the conflict's unique event id.
     */
    private void recordConflict(Connection c, Pending p, PushAnswer a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sync_conflict WHERE event_id = ?")) {
            ps.setObject(1, p.eventId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        String instead;
        String winner = null;
        String desk = null;
        if (a.status() == PushAnswer.Status.CONFLICT && a.last() != null && a.last().isObject()) {
            JsonNode last = a.last();
            winner = last.path("actor").asText(null);
            desk = last.path("desktop").asText(null);
            instead = describe(last.path("kind").asText(), last.path("workflow_id").asText(), last.path("from_state").asText(null),
                    last.path("to_state").asText(null), last.path("event").asText(null)) + " first, by " + winner + " at " + desk;
        } else {
            instead = a.reason() == null ? "the server refused it" : "the server refused it: " + a.reason();
        }
        String what = p.description();
        String lost = cut(what);
        String won = cut(instead);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_conflict (event_id, card_id, actor, kind, what, "
                + "instead, winner, winner_desk, found_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')")) {
            ps.setObject(1, p.eventId());
            if (p.cardId() == null) {
                ps.setNull(2, java.sql.Types.BIGINT);
            } else {
                ps.setLong(2, p.cardId());
            }
            ps.setString(3, p.actor());
            ps.setString(4, p.kind());
            ps.setString(5, lost);
            ps.setString(6, won);
            ps.setString(7, winner);
            ps.setString(8, desk);
            ps.setObject(9, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private String describe(String kind, String workflowId, String from, String to, String event) {
        Workflow w = workflows.find(workflowId).orElse(null);
        if (w == null) {
            return kind.toLowerCase(Locale.ROOT);
        }
        return switch (kind) {
            case "MOVE" -> "moved it from " + w.stateLabel(from) + " to " + w.stateLabel(to) + " (by " + w.eventLabel(event) + ")";
            case "EDIT" -> "edited it in " + w.stateLabel(from);
            case "REORDER" -> "put it elsewhere in " + w.stateLabel(from);
            default -> "made it in " + (to == null ? w.board() : w.stateLabel(to));
        };
    }

    private static String cut(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }

    // ------------------------------------------------------------------ the outbox

    /** One outbox event as the server takes it. */
    private record Pending(long outboxId, UUID eventId, String kind, Long cardId, String cardUid, String actor,
                           String description, JsonNode event) {
    }

    /**
     * The next page of the outbox's pending events after outbox number {@code after}, in order. Read along the
     * outbox's order (its index on seq, named: H2 otherwise picks the index on status and sorts every pending event
     * for each page, which was a third of the time to push 10,000).
     */
    private List<Pending> pending(Connection c, long after) throws SQLException {
        return pending(c, "o.seq > ? AND o.status = 'PENDING' ORDER BY o.seq FETCH FIRST " + PAGE + " ROWS ONLY", after);
    }

    /** The outbox events that {@code where} (with its numbers) picks, in order, as the server takes them. */
    private List<Pending> pending(Connection c, String where, long... numbers) throws SQLException {
        List<Pending> out = new ArrayList<>();
        Wire wire = new Wire(c);
        try (PreparedStatement ps = c.prepareStatement("SELECT o.seq, o.event_id, o.kind, o.workflow_id, o.card_id, "
                + "o.base_version, o.from_state, o.to_state, o.event, o.actor, o.payload, k.uid, k.title "
                + "FROM outbox_event o USE INDEX (outbox_seq) LEFT JOIN card k ON k.id = o.card_id WHERE " + where)) {
            for (int i = 0; i < numbers.length; i++) {
                ps.setLong(i + 1, numbers[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(3);
                    String workflowId = rs.getString(4);
                    long cardId = rs.getLong(5);
                    Long card = rs.wasNull() ? null : cardId;
                    UUID uid = rs.getObject(12, UUID.class);
                    ObjectNode e = JSON.createObjectNode();
                    e.put("event_id", rs.getObject(2, UUID.class).toString());
                    e.put("kind", kind);
                    e.put("card_uid", uid == null ? null : uid.toString());
                    e.put("workflow_id", workflowId);
                    e.put("from_state", rs.getString(7));
                    e.put("to_state", rs.getString(8));
                    e.put("base_version", rs.getLong(6));
                    e.put("event", rs.getString(9));
                    e.put("actor", rs.getString(10));
                    JsonNode payload = json(rs.getString(11));
                    if (CARD_KINDS.contains(kind) && workflowId != null) {
                        CardKind cardKind = CardKinds.of(workflowId);
                        ObjectNode change = payload.deepCopy();
                        if (payload.path("fields").isObject()) {
                            change.set("fields", wire.portable(cardKind, payload.path("fields")));
                        }
                        if (kind.equals("REORDER")) {
                            change.set("previous", wire.cardUid(id(payload, "previous")));
                            change.set("next", wire.cardUid(id(payload, "next")));
                        }
                        e.set("change", change);
                        e.set("card", change.path("fields").isObject() ? change.path("fields") : JSON.createObjectNode());
                    } else if (Outbox.SHARED.equals(kind)) {
                        e.set("shared", shared(c, payload.path("kind").asText(), payload.path("key").asText()));
                    } else {
                        e.set("change", payload);
                    }
                    String title = rs.getString(13);
                    String what = "You " + describe(kind, workflowId, rs.getString(7), rs.getString(8), rs.getString(9))
                            .replaceFirst(" it", java.util.regex.Matcher.quoteReplacement(title == null ? " it" : " '" + title + "'"));
                    out.add(new Pending(rs.getLong(1), rs.getObject(2, UUID.class), kind, card, uid == null ? null : uid.toString(),
                            rs.getString(10), what, e));
                }
            }
        }
        return out;
    }

    /** Marks the events the server has as sent, with their numbers there: one local transaction for a batch. */
    private void markSent(Map<Long, Long> seqByOutboxId) {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET status = 'SENT', server_seq = ? WHERE seq = ?")) {
                for (Map.Entry<Long, Long> e : seqByOutboxId.entrySet()) {
                    ps.setLong(1, e.getValue());
                    ps.setLong(2, e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Marks an outbox event lost ({@code CONFLICT} or {@code REFUSED}): not in the server's log. */
    private static void markLost(Connection c, long outboxId, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET status = ?, server_seq = NULL WHERE seq = ?")) {
            ps.setString(1, status);
            ps.setLong(2, outboxId);
            ps.executeUpdate();
        }
    }

    /** Every card of this desktop as an UPLOAD event (a new server), and what was made before is marked LOCAL. */
    private int upload(SyncServer server) {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET status = 'LOCAL' WHERE status = 'PENDING'")) {
                ps.executeUpdate();
            }
            return null;
        });
        List<JsonNode> rows = read(c -> {
            List<JsonNode> out = new ArrayList<>();
            for (String[] row : SharedRows.all(c)) {
                ObjectNode e = JSON.createObjectNode();
                e.put("event_id", UUID.randomUUID().toString());
                e.put("kind", Outbox.SHARED);
                e.put("actor", "console");
                e.set("shared", shared(c, row[0], row[1]));
                out.add(e);
            }
            return out;
        });
        for (int i = 0; i < rows.size(); i += PAGE) {
            for (PushAnswer a : server.push(rows.subList(i, Math.min(rows.size(), i + PAGE)))) {
                if (!a.inLog()) {
                    throw new SyncException("The server refused this desktop's accounts, rights or limits (" + a.reason()
                            + "): nothing more was uploaded. Disconnect, and connect again.");
                }
            }
        }
        int uploaded = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<JsonNode> events = new ArrayList<>();
            long[] last = {from};
            sessions.inTransaction(s -> s.doWork(c -> { // a transaction holds the one connection the lazy loads use too
                Wire wire = new Wire(c);
                List<Card> page = s.createSelectionQuery("from Card c where c.id > :after order by c.id", Card.class)
                        .setParameter("after", from).setMaxResults(PAGE).getResultList();
                for (Card card : page) {
                    FieldValues values = FieldValues.NONE;
                    for (var f : card.allFields()) {
                        values = values.withValue(f, f.value(card));
                    }
                    ObjectNode e = JSON.createObjectNode();
                    e.put("event_id", UUID.randomUUID().toString());
                    e.put("kind", "UPLOAD");
                    e.put("card_uid", card.getUid().toString());
                    e.put("workflow_id", card.workflowId());
                    e.put("to_state", card.getState());
                    e.put("version", card.getVersion());
                    e.put("actor", "console");
                    e.set("card", wire.portable(card.kind(), ChangeJson.fields(values)));
                    events.add(e);
                    last[0] = card.getId();
                }
                s.clear();
            }));
            if (events.isEmpty()) {
                return uploaded;
            }
            for (PushAnswer a : server.push(events)) {
                if (!a.inLog()) {
                    throw new SyncException("The server refused a card of this desktop (" + a.reason() + "): nothing more "
                            + "was uploaded. Disconnect, check the card, and connect again.");
                }
            }
            uploaded += events.size();
            after = last[0];
        }
    }

    /** A shared row as an event carries it: its kind, key, and the row as it is now (null: there is none). */
    private static ObjectNode shared(Connection c, String kind, String key) throws SQLException {
        ObjectNode row = JSON.createObjectNode();
        row.put("kind", kind);
        row.put("key", key);
        row.set("data", SharedRows.read(c, kind, key));
        return row;
    }

    /**
     * Sets a shared row here to the server's, unless this desktop sent that event itself or has a later change of
     * the row waiting to be sent (which then comes after it in the server's order and stands everywhere).
     */
    private Made takeShared(JsonNode body) {
        JsonNode row = body.path("shared");
        String kind = row.path("kind").asText();
        String key = row.path("key").asText();
        String eventId = body.path("event_id").asText();
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outbox_event WHERE event_id = ? OR (status = 'PENDING' "
                    + "AND kind = ? AND payload = ?)")) {
                ps.setObject(1, UUID.fromString(eventId));
                ps.setString(2, Outbox.SHARED);
                ps.setString(3, Outbox.sharedPayload(kind, key));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Made.SKIPPED;
                    }
                }
            }
            Optional<String> not = SharedRows.apply(c, audit, workflows, clock.instant(), body.path("actor").asText("sync"),
                    body.path("desktop").asText(null), kind, key, row.path("data"));
            if (not.isPresent()) {
                org.slf4j.LoggerFactory.getLogger(Sync.class).warn("Server event {} skipped: {}", body.path("seq").asLong(), not.get());
                return Made.SKIPPED;
            }
            return Made.APPLIED;
        });
    }

    /**
     * Sets a shared row here back to the server's after the server refused this desktop's change of it (its person
     * sees the refusal among the conflicts): a limit the server does not have is removed; an account or a role's
     * rights the server does not have stay as they are here.
     */
    private void takeServerRow(SyncServer server, String kind, String key) {
        JsonNode data = server.sharedRow(kind, key).map(Sync::json).orElse(null);
        Optional<String> not = write(c -> SharedRows.apply(c, audit, workflows, clock.instant(), Actor.system().auditName(),
                "the server", kind, key, data));
        not.ifPresent(why -> org.slf4j.LoggerFactory.getLogger(Sync.class).warn(
                "The server refused this desktop's change of {} {}, which stays here: {}", kind, key, why));
    }

    /**
     * A checklist's tick from another desktop, made here through the same checks ({@link TaskService#replayTick});
     * one this desktop made itself, or one that cannot be made here (the card moved on, the person has no right
     * here), is skipped: the tick's checklist is the card's, and a card's state is what sync keeps equal.
     */
    private Made takeTick(JsonNode body) {
        if (read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outbox_event WHERE event_id = ?")) {
                ps.setObject(1, UUID.fromString(body.path("event_id").asText()));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        })) {
            return Made.SKIPPED;
        }
        LocalCard local = read(c -> localCard(c, body.path("card_uid").asText()));
        Actor actor = actor(body.path("actor").asText());
        if (local == null || actor == null) {
            return Made.SKIPPED;
        }
        JsonNode change = body.path("change");
        Outcome o = tasks.replayTick(local.id(), change.path("task").asText(), change.path("done").asBoolean(), actor);
        if (!o.isDone()) {
            org.slf4j.LoggerFactory.getLogger(Sync.class).warn("Server event {} (a tick) skipped: {}", body.path("seq").asLong(),
                    o.message());
            return Made.SKIPPED;
        }
        return Made.APPLIED;
    }

    // ------------------------------------------------------------------ the server's copy

    private void copyFromServer(SyncServer server, String uid, String why) {
        copyFromServer(server, uid, why, c -> { });
    }

    /** The server's copy of the card with {@code alongside} in the same transaction; {@code alongside} alone if none. */
    private void copyFromServer(SyncServer server, String uid, String why, CardService.WithCopy alongside) {
        Optional<SyncServer.ServerCard> copy = server.cardCopy(UUID.fromString(uid));
        if (copy.isPresent()) {
            SyncServer.ServerCard card = copy.get();
            takeCopy(card.uid(), card.workflowId(), card.state(), card.version(), card.data(), why, alongside);
        } else {
            write(c -> {
                alongside.write(c);
                return null;
            });
        }
    }

    private void takeCopies(List<SyncServer.ServerCard> page, String why) {
        List<CardService.ServerCopy> copies = read(c -> {
            Wire wire = new Wire(c);
            List<CardService.ServerCopy> out = new ArrayList<>();
            for (SyncServer.ServerCard card : page) {
                CardKind kind = CardKinds.of(card.workflowId());
                out.add(new CardService.ServerCopy(card.uid(), card.workflowId(), card.state(), card.version(),
                        ChangeJson.values(kind, wire.local(kind, json(card.data())))));
            }
            return out;
        });
        Outcome o = cards.takeServerCopies(Actor.system(), copies, why);
        if (!o.isDone()) {
            throw new SyncException("The server's cards could not be taken here: " + o.message());
        }
    }

    private void takeCopy(UUID uid, String workflowId, String state, long version, String data, String why) {
        takeCopy(uid, workflowId, state, version, data, why, c -> { });
    }

    private void takeCopy(UUID uid, String workflowId, String state, long version, String data, String why,
                          CardService.WithCopy alongside) {
        CardKind kind = CardKinds.of(workflowId);
        FieldValues values = read(c -> {
            Wire wire = new Wire(c);
            ObjectNode local = wire.local(kind, json(data));
            return ChangeJson.values(kind, local);
        });
        Outcome o = cards.takeServerCopy(Actor.system(), new CardService.ServerCopy(uid, workflowId, state, version, values),
                why, alongside);
        if (!o.isDone()) {
            throw new SyncException("The server's copy of a card could not be taken here: " + o.message());
        }
    }

    private record LocalCard(long id, String state, long version) {
    }

    private static LocalCard localCard(Connection c, String uid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, state, version FROM card WHERE uid = ?")) {
            ps.setObject(1, UUID.fromString(uid));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new LocalCard(rs.getLong(1), rs.getString(2), rs.getLong(3)) : null;
            }
        }
    }

    // ------------------------------------------------------------------ plumbing

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new SyncException("This desktop's database could not be read for sync: " + e.getMessage(), e);
        }
    }

    private <T> T write(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T t = work.run(c);
                c.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new SyncException("This desktop's database could not be written for sync: " + e.getMessage(), e);
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text == null ? "{}" : text);
        } catch (JsonProcessingException e) {
            throw new SyncException("An event could not be read (it is not JSON): " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode o, String key) {
        JsonNode n = o.path(key);
        return n.isTextual() ? n.asText() : null;
    }

    private static Long id(JsonNode o, String key) {
        JsonNode n = o.path(key);
        return n.isIntegralNumber() ? n.asLong() : null;
    }
}
