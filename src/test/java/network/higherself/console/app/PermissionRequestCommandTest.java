package network.higherself.console.app;

import network.higherself.console.demo.DemoData;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, points 1 and 8, through the command line: {@code move} on someone else's permission request is refused
 * with the pipeline's sentence (only the requester sends it for review), and a grant whose request no longer says
 * what was approved is refused and says why.
 */
class PermissionRequestCommandTest {

    @TempDir
    Path dir;

    @Test
    void theCommandLineMovesAPermissionRequestOnlyAsThePipelineAllows() {
        Path demo = dir.resolve("demo");
        assertThat(CommandLineRefusalsTest.run(null, "--data-dir", demo.toString(), "init-demo").status()).isZero();
        Object[] received = first(demo, "request_received");
        long id = (Long) received[0];
        String requester = (String) received[1];

        CommandLineRefusalsTest.Run byAdmin = move(demo, id, "request_logged", "amara");
        assertThat(byAdmin.status()).isEqualTo(1);
        assertThat(byAdmin.shown()).contains("Refused: Only " + requester + " can send this request for review "
                + "('Request logged'): a request is sent by the person who makes it.").doesNotContain("Exception");
        CommandLineRefusalsTest.Run byRequester = move(demo, id, "request_logged", requester);
        assertThat(byRequester.status()).as(byRequester.shown()).isZero();
        assertThat(byRequester.shown()).contains("is now in manager_review");

        long setUp = (Long) first(demo, "permission_setup")[0];
        inDatabase(demo, db -> db.sessionFactory().fromTransaction(s -> s.createNativeMutationQuery(
                "UPDATE card SET requested_role = 'ADMINISTRATOR' WHERE id = ?1").setParameter(1, setUp).executeUpdate()));
        CommandLineRefusalsTest.Run grant = move(demo, setUp, "permissions_configured", "jonas");
        assertThat(grant.status()).isEqualTo(1);
        assertThat(grant.shown()).contains("Refused: This request no longer says what the manager approved (Requested "
                + "role: the manager approved 'none', the request now says 'Administrator'), so nothing can be granted.");
        String stateAfter = inDatabase(demo, db -> db.sessionFactory().fromSession(s -> s.createNativeQuery(
                "SELECT state FROM card WHERE id = ?1", String.class).setParameter(1, setUp).getSingleResult()));
        assertThat(stateAfter).isEqualTo("permission_setup");
    }

    private static CommandLineRefusalsTest.Run move(Path demo, long card, String event, String as) {
        return CommandLineRefusalsTest.run(new ByteArrayInputStream(DemoData.DEMO_PASSWORD.getBytes(StandardCharsets.UTF_8)),
                "--data-dir", demo.toString(), "move", "--card", Long.toString(card), "--event", event, "--as", as,
                "--password-stdin");
    }

    /** A demo permission request in {@code state}: its id and its requester's user name. */
    private static Object[] first(Path demo, String state) {
        List<Object[]> rows = inDatabase(demo, db -> db.sessionFactory().fromSession(s -> s.createNativeQuery(
                "SELECT c.id, m.username FROM card c JOIN staff_member m ON m.id = c.requester_id "
                        + "WHERE c.workflow_id = 'WF-PERM-MGT' AND c.state = ?1 ORDER BY c.id", Object[].class)
                .setParameter(1, state).getResultList()));
        assertThat(rows).as("demo requests in " + state).isNotEmpty();
        return new Object[]{((Number) rows.get(0)[0]).longValue(), rows.get(0)[1]};
    }

    private static <T> T inDatabase(Path demo, Function<Database, T> work) {
        try (Database db = Database.open(new DataFolder(demo), Clock.systemUTC())) {
            return work.apply(db);
        }
    }
}
