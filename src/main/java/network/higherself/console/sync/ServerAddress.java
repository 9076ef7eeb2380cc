package network.higherself.console.sync;

import java.sql.SQLException;

/**
 * Where the sync server is and who this desktop is on it: a {@code jdbc:postgresql://} address (TLS and other
 * options of the PostgreSQL driver go in it, e.g. {@code ?sslmode=verify-full&sslrootcert=/path/root.crt}), a user
 * name and its password. The password is never logged and never part of {@link #toString()}.
 */
public record ServerAddress(String url, String user, String password) {

    public ServerAddress {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new SyncException("The server's address must start with jdbc:postgresql:// (it was "
                    + (url == null ? "empty" : "'" + url + "'") + "), for example jdbc:postgresql://server.example:5432/hsc");
        }
        if (user == null || user.isBlank()) {
            throw new SyncException("Give the user name this desktop logs in to the server with (--user).");
        }
    }

    /** The address without its query options (which may hold file paths) for messages. */
    public String shortUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String toString() {
        return user + " at " + shortUrl();
    }

    /** PostgreSQL's driver: the server asked for a password and the connection had none. */
    private static final String NO_PASSWORD = "08004";

    /** Whether the failure means the server is gone (down, unreachable, restarting) rather than refusing. */
    static boolean isConnectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.equals(NO_PASSWORD)) {
                    return false; // it answered: it wants a password
                }
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return true;
                }
            }
            if (t instanceof java.net.SocketException || t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    static String translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return translate(s, null);
            }
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return "The server could not be set up: " + m;
    }

    /** A sentence for a failure of the server or of the connection to it. */
    static String translate(SQLException e, ServerAddress address) {
        String where = address == null ? "the server" : address.shortUrl();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals(NO_PASSWORD)) {
            return "The server at " + where + " asks for a password and none was given: type it in Sync settings (and "
                    + "tick 'Remember'), or on the command line give --server-password-file FILE or the environment "
                    + "variable HSC_SYNC_PASSWORD.";
        }
        if (isConnectionLost(e)) {
            return "The server at " + where + " cannot be reached (" + firstLine(e.getMessage())
                    + "). The console keeps working here and sends its changes when the server is back.";
        }
        return switch (state) {
            case "28P01", "28000" -> "The server refused the user name or password" + (address == null ? "" : " for " + address.user())
                    + ": check them with whoever runs the server.";
            case "3D000" -> "The database named in " + where + " does not exist on the server: check the address.";
            case "42501" -> "The server does not allow " + (address == null ? "this user" : address.user())
                    + " to do this (" + firstLine(e.getMessage()) + "). Desktops need membership in the role hsc_desktop; "
                    + "setting the server up needs its owner.";
            case "3F000", "42883" -> "The server at " + where + " is not set up for the console yet: connect once with "
                    + "the user that owns the database (sync connect), then connect the desktops.";
            default -> "The server answered with an error: " + firstLine(e.getMessage());
        };
    }

    private static String firstLine(String s) {
        return s == null ? "no details" : s.lines().findFirst().orElse("");
    }
}
