package network.higherself.console.app;

import network.higherself.console.audit.AuditAnchor;
import network.higherself.console.audit.AuditVerifier;
import network.higherself.console.audit.TrailReplay;
import network.higherself.console.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;

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

    @Override
    int run(Services services, PrintWriter out, PrintWriter err) {
        return verify(services, expect, out, err);
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
