package network.higherself.console.app;

import network.higherself.console.audit.AuditVerifier;
import network.higherself.console.store.StoreException;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;

/** {@code verify-audit}: recomputes the audit trail's hash chain. */
@Command(name = "verify-audit", mixinStandardHelpOptions = true,
        description = "Checks that no audit entry was changed, removed or reordered. Exit status 0 when intact, 1 otherwise.")
final class VerifyAuditCommand extends DataCommand {

    @Override
    int run(Services services, PrintWriter out, PrintWriter err) {
        try (Connection c = services.database().dataSource().getConnection()) {
            AuditVerifier.Verification v = new AuditVerifier().verify(c);
            if (v.intact()) {
                out.println("Audit trail intact: " + v.checked() + " entries checked.");
                return 0;
            }
            err.println("Audit trail broken: " + v.problem().orElseThrow() + ". " + v.checked()
                    + " entries before it are intact.");
            return 1;
        } catch (SQLException e) {
            throw new StoreException("The audit trail could not be read: " + e.getMessage(), e);
        }
    }
}
