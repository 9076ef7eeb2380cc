package network.higherself.console.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The server's event log is hash-chained like the local audit trail: each event's hash is SHA-256 over the previous
 * hash followed by the event's body, as text. Checked event by event from the first.
 */
public final class ServerChain {

    public static final String GENESIS = "0".repeat(64);

    /** The number of the chain's last event and its hash. */
    public record Head(long seq, String hash) {
        @Override
        public String toString() {
            return seq + ":" + hash;
        }
    }

    private long expectedSeq = 1;
    private String prev = GENESIS;
    private String problem;

    /** A chain checked from the first event. */
    public ServerChain() {
    }

    /** A chain whose events up to {@code head} were checked before (a desktop that goes on from where it was). */
    public static ServerChain from(Head head) {
        ServerChain chain = new ServerChain();
        chain.expectedSeq = head.seq() + 1;
        chain.prev = head.hash();
        return chain;
    }

    /** Checks the next event of the chain; false (and {@link #problem()}) from the first one that does not fit. */
    public boolean add(ServerEvent e) {
        if (problem != null) {
            return false;
        }
        if (e.seq() != expectedSeq) {
            problem = e.seq() < expectedSeq ? "server event " + e.seq() + " appears again after event " + (expectedSeq - 1)
                    : "server event " + expectedSeq + " is missing (the log jumps from " + (expectedSeq - 1) + " to " + e.seq() + ")";
            return false;
        }
        if (!prev.equals(e.prevHash())) {
            problem = "server event " + e.seq() + " does not follow event " + (e.seq() - 1)
                    + ": its link to the previous event does not match (events were removed, reordered or changed)";
            return false;
        }
        if (!hash(e.prevHash(), e.body()).equals(e.hash())) {
            problem = "server event " + e.seq() + " does not match its hash: it was changed after it was accepted";
            return false;
        }
        prev = e.hash();
        expectedSeq++;
        return true;
    }

    /** After the last event: the head the server reports must be the last event checked. */
    public boolean finish(Head head) {
        if (problem == null && (head.seq() != expectedSeq - 1 || !head.hash().equals(prev))) {
            problem = head.seq() > expectedSeq - 1
                    ? "server event " + expectedSeq + " is missing: the server's head says " + head.seq() + " events"
                    : "the server's head does not match event " + (expectedSeq - 1) + " (the log was changed)";
        }
        return problem == null;
    }

    public long checked() {
        return expectedSeq - 1;
    }

    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    static String hash(String prevHash, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
