package network.higherself.console.sync;

import network.higherself.console.app.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
}
