package network.higherself.console.app;

import network.higherself.console.audit.AuditAnchor;
import network.higherself.console.audit.AuditVerifier;
import network.higherself.console.audit.TrailReplay;
import network.higherself.console.store.StoreException;
import network.higherself.console.sync.ServerAddress;
import network.higherself.console.sync.Sync;
import network.higherself.console.sync.SyncException;
import network.higherself.console.sync.SyncServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code verify-audit [--expect COUNT:HASH]}: recomputes the audit trail's hash chain, checks it against an anchor
 * kept elsewhere, replays it and compares what it implies with the tables.
 */
@Command(name = "verify-audit", mixinStandardHelpOptions = true,
        description = {"Checks that no audit entry was changed, removed or reordered, and that the tables are what the "
                + "trail records: every card's board, column and version, what every permission request grants, every "
                + "account's role and lock, every role's rights and every column's limit. Prints the trail's anchor "
                + "(COUNT:HASH) to keep elsewhere. Exit status 0 when all is as the trail says, 1 otherwise."})
final class VerifyAuditCommand extends DataCommand {

    @Option(names = "--expect", paramLabel = "COUNT:HASH", converter = AnchorConverter.class,
            description = "An anchor an earlier verify-audit printed (or a backup's manifest holds): the trail must still "
                    + "have entry COUNT, with that hash. Finds a trail cut or rewritten up to that entry, even with every "
                    + "hash after it recomputed.")
    AuditAnchor expect;

    @Option(names = "--server", description = "Also check the sync server's event log: its hash chain from the first "
            + "event to the last, and that what this desktop took from it is still there, unchanged.")
    boolean server;

    @picocli.CommandLine.Mixin
    SyncCommand.ServerPassword serverPassword;

    @Override
    int run(Services services, PrintWriter out, PrintWriter err) {
        int local = verify(services, expect, out, err);
        return server ? Math.max(local, verifyServer(services, serverPassword, out, err)) : local;
    }

    /** The server's log checked, printed: 0 when its chain is whole, 1 otherwise (or when it cannot be read). */
    static int verifyServer(Services services, SyncCommand.ServerPassword password, PrintWriter out, PrintWriter err) {
        Optional<Sync.Settings> s = services.sync().settings();
        if (s.isEmpty()) {
            err.println("This data folder is not connected to a sync server: there is no server log to check.");
            return 1;
        }
        ServerAddress address = new ServerAddress(s.get().url(), s.get().user(), password.password(System::getenv, services.sync()));
        try (SyncServer server = new SyncServer(address)) {
            Sync.ServerVerification v = services.sync().verifyServer(server);
            if (!v.intact()) {
                err.println("The server's event log is broken: " + v.problem().orElseThrow() + ". " + v.checked()
                        + " events before it are intact.");
                return 1;
            }
            out.println("The server's event log is intact: " + v.checked() + " events checked, from the first to its head "
                    + v.head() + ".");
            return 0;
        } catch (SyncException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /**
     * The verification, printed: exit status 0 when the chain is whole (and reaches {@code expect}, when given) and the
     * tables are what it records, 1 otherwise. {@code restore} runs it on what it restored.
     */
    static int verify(Services services, AuditAnchor expect, PrintWriter out, PrintWriter err) {
        try (Connection c = services.database().dataSource().getConnection()) {
            AuditVerifier.Verification v = new AuditVerifier().verify(c, expect);
            if (!v.intact()) {
                err.println("Audit trail broken: " + v.problem().orElseThrow() + ". " + v.checked()
                        + " entries before it are intact.");
                return 1;
            }
            TrailReplay.Comparison tables = new TrailReplay(services.workflows()).compare(c);
            String anchor = v.head().map(a -> "Anchor of the trail's head (keep it elsewhere; check it later with "
                    + "verify-audit --expect " + a + "): " + a).orElse("The trail has no entry yet: there is no anchor to keep.");
            if (!tables.matches()) {
                err.println("The audit trail's " + v.checked() + " entries are intact, but the tables differ from what they "
                        + "record (" + tables.differences().size() + (tables.differences().size() == 1 ? " difference" : " differences")
                        + ", each a change made outside the console or an entry removed with its hash chain recomputed):");
                tables.differences().forEach(d -> err.println("- " + d));
                out.println(anchor);
                return 1;
            }
            out.println("Audit trail intact: " + v.checked() + " entries checked.");
            out.println("The tables are what the trail records: " + tables.cards() + " cards, " + tables.accounts()
                    + " accounts, " + tables.rights() + " role rights and " + tables.limits() + " column limits compared.");
            out.println(anchor);
            return 0;
        } catch (SQLException e) {
            throw new StoreException("The audit trail could not be read: " + e.getMessage(), e);
        }
    }

    /** Reads {@code --expect}; a value that is not an anchor is a usage error with the sentence that says why. */
    static final class AnchorConverter implements CommandLine.ITypeConverter<AuditAnchor> {
        @Override
        public AuditAnchor convert(String value) {
            try {
                return AuditAnchor.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
