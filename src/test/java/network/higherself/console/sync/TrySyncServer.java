package network.higherself.console.sync;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throwaway PostgreSQL for trying sync on one machine ({@code mvn -B -q -Ptry-sync test-compile exec:exec}): the
 * same embedded server the tests use, with the database owner and two desktop logins, and the commands that connect
 * two consoles on two data folders printed. It runs until Ctrl+C; its data is deleted then.
 */
public final class TrySyncServer {

    private TrySyncServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("hsc-try-sync");
        TestServer server = TestServer.start(dir);
        ServerAddress deskB = server.desktop("desk_b");
        Path ownerPw = dir.resolve("owner.pw");
        Path deskPw = dir.resolve("desk_b.pw");
        Files.writeString(ownerPw, server.owner().password() + "\n");
        Files.writeString(deskPw, deskB.password() + "\n");
        for (Path p : new Path[]{ownerPw, deskPw}) {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        String jar = "java -jar target/higher-self-console.jar";
        System.out.println("A throwaway PostgreSQL runs at " + server.url() + " (Ctrl+C stops it and deletes its data).");
        System.out.println();
        System.out.println("The first desktop sets the server up as its owner and uploads its demo cards:");
        System.out.println("  " + jar + " --data-dir /tmp/desk-a init-demo");
        System.out.println("  " + jar + " --data-dir /tmp/desk-a sync connect --url " + server.url() + " --user "
                + TestServer.OWNER + " --server-password-file " + ownerPw + " --remember-password --as amara");
        String port = server.url().replaceAll(".*:(\\d+)/.*", "$1");
        System.out.println("A second desktop joins with no cards of its own and downloads everything, the people too. Start");
        System.out.println("its window on a new folder, create its first administrator, then Sync… in the sidebar:");
        System.out.println("  " + jar + " --data-dir /tmp/desk-b --no-demo");
        System.out.println("  server localhost, port " + port + ", database " + TestServer.DATABASE + ", user desk_b, password "
                + deskB.password() + ", connection 'Not encrypted (a trusted network only)', Connect.");
        System.out.println("(or on the command line, signed in as that administrator: " + jar + " --data-dir /tmp/desk-b sync "
                + "connect --url " + server.url() + " --user desk_b --server-password-file " + deskPw + " --as NAME)");
        System.out.println("Then open desk A's window too and move a card on one; it shows on the other within a second:");
        System.out.println("  " + jar + " --data-dir /tmp/desk-a");
        System.out.println();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("The server did not stop cleanly: " + e.getMessage());
            }
        }));
        Thread.currentThread().join();
    }
}
