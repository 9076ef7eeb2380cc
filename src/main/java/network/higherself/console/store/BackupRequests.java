package network.higherself.console.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code backup} from the command line while the window has the data folder open: the folder's lock keeps a second
 * process out of the database (H2's own file lock would too), so the command asks the running console to take the
 * copy. It leaves a request in the data folder's {@code requests/} (readable by its owner only, like the folder: nobody
 * else can ask), the window's console takes the copy with H2's online backup, as its own menu item does, and answers
 * beside the request with the sentence to print.
 */
public final class BackupRequests implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupRequests.class);
    static final String FOLDER = "requests";
    private static final String REQUEST = ".backup-request";
    private static final String ANSWER = ".backup-answer";
    static final Duration POLL = Duration.ofMillis(250);

    private final Thread thread;
    private volatile boolean running = true;

    private BackupRequests(Database db, Clock clock) {
        thread = new Thread(() -> loop(db, clock), "hsc-backup-requests");
        thread.setDaemon(true);
    }

    /** Starts answering requests for {@code db}'s folder (the window does, while it runs). */
    public static BackupRequests serve(Database db, Clock clock) {
        BackupRequests r = new BackupRequests(db, clock);
        r.thread.start();
        return r;
    }

    /** The answer of a running console: whether the copy was written, and the sentence to print. */
    public record Answer(boolean written, String sentence) {
    }

    /**
     * Asks the console that holds {@code folder} for a copy at {@code target}; waits for its answer at most
     * {@code wait}.
     *
     * @throws StoreException when no console answered in time (the sentence says what to do)
     */
    public static Answer ask(DataFolder folder, Path target, Duration wait) {
        Path dir = folder.path().resolve(FOLDER);
        String id = UUID.randomUUID().toString();
        Path request = dir.resolve(id + REQUEST);
        Path answer = dir.resolve(id + ANSWER);
        try {
            OwnerOnly.createFolder(dir);
            Path part = dir.resolve(id + ".part");
            Files.createFile(part, OwnerOnly.fileAttributes(dir));
            Files.writeString(part, target.toAbsolutePath().normalize().toString(), StandardCharsets.UTF_8);
            Files.move(part, request, StandardCopyOption.ATOMIC_MOVE);
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                if (Files.exists(answer)) {
                    List<String> lines = Files.readAllLines(answer, StandardCharsets.UTF_8);
                    Files.deleteIfExists(answer);
                    return new Answer(!lines.isEmpty() && lines.get(0).equals("written"),
                            String.join(System.lineSeparator(), lines.subList(Math.min(1, lines.size()), lines.size())));
                }
                Thread.sleep(POLL.toMillis() / 2);
            }
            if (Files.deleteIfExists(request)) { // not taken: nobody will write the copy later
                throw new StoreException("The console that has the data folder " + folder + " open did not answer the "
                        + "request for a backup within " + wait.toSeconds() + " s (a command, not the window, may have it "
                        + "open). Try again when it has finished, or use \"Back up now\" in the window.");
            }
            throw new StoreException("The console that has the data folder " + folder + " open took the request for a "
                    + "backup but has not finished it within " + wait.toSeconds() + " s; its log ("
                    + folder.logFile() + ") will say when it is written.");
        } catch (IOException e) {
            throw new StoreException("The request for a backup could not be left in " + dir + " (" + e.getMessage()
                    + "). Check that the data folder is writable, or use \"Back up now\" in the window.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("The backup was interrupted while waiting for the console's answer.", e);
        }
    }

    private void loop(Database db, Clock clock) {
        Path dir = db.folder().path().resolve(FOLDER);
        while (running) {
            try {
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path request : files.filter(f -> f.getFileName().toString().endsWith(REQUEST)).toList()) {
                            answer(db, clock, request);
                        }
                    }
                }
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Backup requests in {} could not be read", dir, e);
                sleepQuietly();
            }
        }
    }

    private static void answer(Database db, Clock clock, Path request) throws IOException {
        String name = request.getFileName().toString();
        Path answer = request.resolveSibling(name.substring(0, name.length() - REQUEST.length()) + ANSWER);
        String target = Files.readString(request, StandardCharsets.UTF_8).trim();
        Files.deleteIfExists(request);
        String text;
        try {
            Backups.Copy copy = Backups.backUp(db, Path.of(target), clock);
            text = "written\n" + written(copy);
        } catch (StoreException e) {
            text = "refused\n" + e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("A backup asked for from the command line failed", e);
            text = "refused\nThe backup failed unexpectedly: the console's log (" + db.folder().logFile() + ") has the details.";
        }
        Path part = answer.resolveSibling(answer.getFileName() + ".part");
        Files.createFile(part, OwnerOnly.fileAttributes(answer.getParent()));
        Files.writeString(part, text, StandardCharsets.UTF_8);
        Files.move(part, answer, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The sentence for a copy written: where it is, its size, and its anchor. */
    public static String written(Backups.Copy copy) {
        return "Backup written to " + copy.file() + " (" + String.format("%.1f MB", copy.bytes() / 1e6) + ")"
                + (copy.auditHead() == null ? "." : "; the audit trail's anchor in it, " + copy.auditHead()
                + ", is in its manifest " + copy.manifest().getFileName() + ".");
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(POLL.toMillis() * 4);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(30).toMillis()); // a copy under way finishes before the database closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
