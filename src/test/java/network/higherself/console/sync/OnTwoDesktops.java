package network.higherself.console.sync;

import network.higherself.console.app.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import network.higherself.console.card.Card;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sync tests share: one real PostgreSQL server per test class, and per test two desktops A and B connected
 * to a database of their own on it ({@link TwoDesktops}).
 */
abstract class OnTwoDesktops {

    @TempDir
    static Path serverDir;
    static TestServer server;

    @TempDir
    Path dir;
    TwoDesktops desks;
    Services a;
    Services b;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(serverDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void twoDesktops() throws Exception {
        desks = TwoDesktops.connect(server, serverDir.resolve("templates"), dir);
        a = desks.a;
        b = desks.b;
    }

    @AfterEach
    void closeDesktops() {
        desks.close();
    }

    /**
     * Every event the two desktops sent is on the server exactly once and no lost change's is, nothing waits to be
     * sent, each sent something, and both hold every card alike (state and version, card by card).
     */
    void assertEveryEventOnTheServerOnceAndTheDesktopsAlike() throws SQLException {
        Map<String, Integer> onServer = new HashMap<>();
        try (Connection c = server.superuser(desks.url.substring(desks.url.lastIndexOf('/') + 1));
             PreparedStatement ps = c.prepareStatement("SELECT event_id::text FROM hsc.event");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                onServer.merge(rs.getString(1), 1, Integer::sum);
            }
        }
        for (Services s : List.of(a, b)) {
            assertThat(s.sync().status().pending()).isZero();
            try (Connection c = s.database().dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT event_id, status FROM outbox_event WHERE status <> 'LOCAL'");
                 ResultSet rs = ps.executeQuery()) {
                int sent = 0;
                while (rs.next()) {
                    int times = onServer.getOrDefault(rs.getString(1), 0);
                    if (rs.getString(2).equals("SENT")) {
                        assertThat(times).as("event %s on the server", rs.getString(1)).isEqualTo(1);
                        sent++;
                    } else {
                        assertThat(times).as("a conflict's event %s is not in the log", rs.getString(1)).isZero();
                    }
                }
                assertThat(sent).isPositive();
            }
        }
        assertThat(SyncConvergenceTest.cards(b)).isEqualTo(SyncConvergenceTest.cards(a));
    }

    /** The cards both desktops' people may retitle, in the same order on both. */
    static List<Card> retitlable(Services s) {
        return s.database().sessionFactory().fromSession(x -> x.createSelectionQuery(
                "from Card c order by c.uid", Card.class).getResultList()).stream()
                .filter(c -> !c.workflowId().equals("WF-PERM-MGT") && s.cards().rightsOf(TwoDesktops.JONAS).on(c.workflowId()).edit())
                .toList();
    }
}
