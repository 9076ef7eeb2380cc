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
import java.util.Map;
import java.util.Set;

/**
 * Recognises what the disk said when H2 could not do its work — a read-only database, a full disk, a write that
 * failed, a damaged file, a database H2 has stopped after such an error — anywhere in an exception's causes (Hibernate
 * and Hikari wrap H2's exceptions, H2 wraps its own), and turns it into a {@link StoreException} whose message says
 * what happened and what to do, for a person to read. Anything else is left as it is.
 */
public final class StoreFailures {

    /**
     * What went wrong with the storage, the most precise first: when a cause chain holds several, the first in this
     * order wins (a full disk explains a failed write, which explains a stopped database).
     */
    enum Kind {
        /** A write failed because the disk (or the user's quota) is full. */
        DISK_FULL,
        /** H2 opened the database read-only (a file or folder that may not be written, or a read-only mount). */
        READ_ONLY,
        /** Another program has the file open. */
        IN_USE,
        /** The file is damaged: H2 found a record it cannot read. */
        DAMAGED,
        /** A write failed for another reason (a failing disk, a removed stick). */
        WRITE_FAILED,
        /** H2 stopped the database after an earlier error: nothing more can be read or written in this process. */
        STOPPED
    }

    /** H2's SQL error codes for each kind. */
    private static final Map<Integer, Kind> SQL_CODES = Map.of(
            ErrorCode.DATABASE_IS_READ_ONLY, Kind.READ_ONLY,
            ErrorCode.FILE_CORRUPTED_1, Kind.DAMAGED,
            ErrorCode.FILE_VERSION_ERROR_1, Kind.DAMAGED,
            ErrorCode.DATABASE_IS_CLOSED, Kind.STOPPED,
            ErrorCode.DATABASE_CALLED_AT_SHUTDOWN, Kind.STOPPED,
            ErrorCode.DATABASE_ALREADY_OPEN_1, Kind.IN_USE);

    /** H2's file store's error codes ({@code [2.5.252/2]} at the end of its messages) for each kind. */
    private static final Map<Integer, Kind> STORE_CODES = Map.of(
            DataUtils.ERROR_WRITING_FAILED, Kind.WRITE_FAILED,
            DataUtils.ERROR_FILE_CORRUPT, Kind.DAMAGED,
            DataUtils.ERROR_READING_FAILED, Kind.DAMAGED,
            DataUtils.ERROR_UNSUPPORTED_FORMAT, Kind.DAMAGED,
            DataUtils.ERROR_CHUNK_NOT_FOUND, Kind.DAMAGED,
            DataUtils.ERROR_BLOCK_NOT_FOUND, Kind.DAMAGED,
            DataUtils.ERROR_CLOSED, Kind.STOPPED,
            DataUtils.ERROR_FILE_LOCKED, Kind.IN_USE);

    /** A recognised failure: its kind and H2's error number (or the system's words for a full disk), for a sentence. */
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
            if (f != null && (found == null || f.kind().compareTo(found.kind()) < 0)) {
                found = f;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return found;
    }

    private static Failure classify(Throwable t) {
        Kind kind = null;
        if (t instanceof SQLException sql) {
            kind = SQL_CODES.get(sql.getErrorCode());
        } else if (t instanceof MVStoreException mv) {
            kind = STORE_CODES.get(mv.getErrorCode());
        }
        if (kind == null && (t instanceof IOException || t instanceof SQLException) && diskFull(t.getMessage())) {
            kind = Kind.DISK_FULL;
        }
        if (kind == null) {
            return null;
        }
        // H2's messages name Java classes and exceptions ("General error: \"org.h2.mvstore.MVStoreException: ..."):
        // the sentence gives its error number instead, and the system's own words for a full disk
        String detail = t instanceof SQLException sql ? "H2 error " + sql.getErrorCode()
                : t instanceof MVStoreException mv ? "H2 file store error " + mv.getErrorCode()
                : firstLine(t.getMessage());
        return new Failure(kind, detail);
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
