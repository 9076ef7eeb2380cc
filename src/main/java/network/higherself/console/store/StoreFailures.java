package network.higherself.console.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises what the disk said when H2 could not do its work — a read-only database, a full disk, a write that
 * failed, a damaged file, a database H2 has stopped after such an error — anywhere in an exception's causes (Hibernate
 * and Hikari wrap H2's exceptions, H2 wraps its own), and turns it into a {@link StoreException} whose message says
 * what happened and what to do, for a person to read. Anything else is left as it is.
 */
public final class StoreFailures {

    /** What went wrong with the storage. */
    enum Kind {
        /** H2 opened the database read-only (a file or folder that may not be written, or a read-only mount). */
        READ_ONLY,
        /** A write failed because the disk (or the user's quota) is full. */
        DISK_FULL,
        /** A write failed for another reason (a failing disk, a removed stick). */
        WRITE_FAILED,
        /** The file is damaged: H2 found a record it cannot read. */
        DAMAGED,
        /** H2 stopped the database after an earlier error: nothing more can be read or written in this process. */
        STOPPED,
        /** Another program has the file open. */
        IN_USE
    }

    /** A recognised failure: its kind and H2's own words (one line), for a sentence. */
    record Failure(Kind kind, String detail) {
    }

    private StoreFailures() {
    }

    /**
     * A {@link StoreException} with a sentence for a change (a move, a creation, an edit) that failed because of the
     * storage; {@code e} itself when the failure is something else.
     */
    public static RuntimeException explain(RuntimeException e) {
        if (e instanceof StoreException) {
            return e;
        }
        Failure f = recognise(e);
        if (f == null) {
            return e;
        }
        return new StoreException(changeSentence(f), e);
    }

    /**
     * Tells the pool to drop a connection to a database H2 has stopped (after a failed write, or a damaged file):
     * returning such a connection would fail again, and that failure would hide the first one from the person.
     */
    static final SQLExceptionOverride EVICT_BROKEN = new SQLExceptionOverride() {
        @java.lang.Override
        public Override adjudicate(SQLException e) {
            Failure f = recognise(e);
            boolean broken = f != null && f.kind() != Kind.READ_ONLY && f.kind() != Kind.IN_USE;
            return broken ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
        }
    };

    /**
     * {@link #explain(RuntimeException)}, after running {@code cleanup} (a rollback): when H2 has stopped the database,
     * the rollback fails too, and its failure is kept with the first one instead of hiding it.
     */
    public static RuntimeException explain(RuntimeException e, Runnable cleanup) {
        try {
            cleanup.run();
        } catch (RuntimeException again) {
            e.addSuppressed(again);
        }
        return explain(e);
    }

    static String changeSentence(Failure f) {
        switch (f.kind()) {
            case READ_ONLY:
                return "The console's database is read-only, so the change was not saved. Make the data folder and its "
                        + "console.mv.db writable for you (or copy the folder to a disk you can write to), then close the "
                        + "console and open it again.";
            case DISK_FULL:
                return "The disk that holds the console's data is full, so the change was not saved. Free some space on "
                        + "it, then close the console and open it again; what was saved before is kept.";
            case WRITE_FAILED:
                return "The console's data could not be written to the disk (" + f.detail() + "), so the change was not "
                        + "saved. Check the disk, then close the console and open it again.";
            case DAMAGED:
                return "The console's database file is damaged (" + f.detail() + "), so the change was not saved. Close "
                        + "the console and open it again: it copies the file to the data folder's backups folder before "
                        + "it opens it. If it still cannot open it, restore the newest copy from that folder.";
            case STOPPED:
                return "The console's database stopped after an earlier error (" + f.detail() + "), so the change was not "
                        + "saved. Close the console and open it again; if the disk is full, free some space first.";
            case IN_USE:
            default:
                return "Another program has the console's database open, so the change was not saved. Close that "
                        + "program, then try again.";
        }
    }

    /** The storage failure somewhere in {@code e}'s causes and suppressed exceptions, or null when there is none. */
    static Failure recognise(Throwable e) {
        Failure found = null;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(e);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            Failure f = classify(t);
            if (f != null && (found == null || rank(f.kind()) < rank(found.kind()))) {
                found = f;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return found;
    }

    /** When several are found, the most precise wins: a full disk explains a failed write, which explains a stop. */
    private static int rank(Kind kind) {
        switch (kind) {
            case DISK_FULL:
                return 0;
            case READ_ONLY:
                return 1;
            case IN_USE:
                return 2;
            case DAMAGED:
                return 3;
            case WRITE_FAILED:
                return 4;
            case STOPPED:
            default:
                return 5;
        }
    }

    private static Failure classify(Throwable t) {
        if (t instanceof IOException && diskFull(t.getMessage())) {
            return new Failure(Kind.DISK_FULL, t.getMessage());
        }
        if (t instanceof SQLException sql) {
            switch (sql.getErrorCode()) {
                case ErrorCode.DATABASE_IS_READ_ONLY:
                    return new Failure(Kind.READ_ONLY, firstLine(sql.getMessage()));
                case ErrorCode.FILE_CORRUPTED_1:
                case ErrorCode.FILE_VERSION_ERROR_1:
                    return new Failure(Kind.DAMAGED, firstLine(sql.getMessage()));
                case ErrorCode.DATABASE_IS_CLOSED:
                case ErrorCode.DATABASE_CALLED_AT_SHUTDOWN:
                    return new Failure(Kind.STOPPED, firstLine(sql.getMessage()));
                case ErrorCode.DATABASE_ALREADY_OPEN_1:
                    return new Failure(Kind.IN_USE, firstLine(sql.getMessage()));
                default:
                    return diskFull(sql.getMessage()) ? new Failure(Kind.DISK_FULL, firstLine(sql.getMessage())) : null;
            }
        }
        if (t instanceof MVStoreException mv) {
            switch (mv.getErrorCode()) {
                case DataUtils.ERROR_WRITING_FAILED:
                    return new Failure(Kind.WRITE_FAILED, firstLine(mv.getMessage()));
                case DataUtils.ERROR_FILE_CORRUPT:
                case DataUtils.ERROR_READING_FAILED:
                case DataUtils.ERROR_UNSUPPORTED_FORMAT:
                case DataUtils.ERROR_CHUNK_NOT_FOUND:
                case DataUtils.ERROR_BLOCK_NOT_FOUND:
                    return new Failure(Kind.DAMAGED, firstLine(mv.getMessage()));
                case DataUtils.ERROR_CLOSED:
                    return new Failure(Kind.STOPPED, firstLine(mv.getMessage()));
                case DataUtils.ERROR_FILE_LOCKED:
                    return new Failure(Kind.IN_USE, firstLine(mv.getMessage()));
                default:
                    return null;
            }
        }
        return null;
    }

    /** Linux, macOS and Windows say a full disk or quota in these words (Java passes the system's text on). */
    private static boolean diskFull(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("no space left") || m.contains("disk quota exceeded") || m.contains("not enough space on the disk")
                || m.contains("disk is full");
    }

    static String firstLine(String s) {
        if (s == null) {
            return "no details";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
