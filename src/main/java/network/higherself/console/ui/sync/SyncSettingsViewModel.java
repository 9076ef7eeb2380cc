package network.higherself.console.ui.sync;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.sync.ServerAddress;
import network.higherself.console.sync.Sync;
import network.higherself.console.sync.SyncException;
import network.higherself.console.sync.SyncServer;
import network.higherself.console.ui.common.BackgroundExecutor;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sync settings: where the server is (host, port, database, this desktop's user, how the connection is secured),
 * tried before anything is saved; connecting (an administrator), with the cards a joining desktop downloads counted
 * as they come; the server's password typed for this session or remembered, sealed; disconnecting. Everything that
 * talks to the server or the database runs on the background executor; the person reads a sentence for each outcome.
 */
public final class SyncSettingsViewModel {

    /** How the connection to the server is secured: the driver's {@code sslmode}, said as people say it. */
    public enum Security {
        VERIFY_FULL("verify-full", "Encrypted, the server's certificate checked (recommended)"),
        REQUIRE("require", "Encrypted, the certificate not checked"),
        PREFER("prefer", "Encrypted when the server offers it"),
        DISABLE("disable", "Not encrypted (a trusted network only)");

        private final String sslmode;
        private final String label;

        Security(String sslmode, String label) {
            this.sslmode = sslmode;
            this.label = label;
        }

        public String sslmode() {
            return sslmode;
        }

        @Override
        public String toString() {
            return label;
        }

        static Security of(String sslmode) {
            for (Security s : values()) {
                if (s.sslmode.equals(sslmode)) {
                    return s;
                }
            }
            return PREFER;
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private final Sync sync;
    private final BackgroundExecutor executor;
    private final Supplier<Actor> actor;
    private final Consumer<ServerAddress> onConnected;
    private final Runnable onDisconnected;

    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("5432");
    private final StringProperty database = new SimpleStringProperty("hsc");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<Security> security = new SimpleObjectProperty<>(Security.VERIFY_FULL);
    private final StringProperty rootCertificate = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty(false);
    private final BooleanProperty connected = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    /** Driver options of a saved address that the form has no field for (kept as they were). */
    private final Map<String, String> otherOptions = new LinkedHashMap<>();
    /** The saved settings while connected (read by {@link #load}). */
    private Sync.Settings saved;

    /**
     * {@code onConnected}: the window's sync starts (again) with this address; {@code onDisconnected}: it stops. Both
     * are called on the JavaFX thread.
     */
    public SyncSettingsViewModel(Sync sync, BackgroundExecutor executor, Supplier<Actor> actor,
                                 Consumer<ServerAddress> onConnected, Runnable onDisconnected) {
        this.sync = sync;
        this.executor = executor;
        this.actor = actor;
        this.onConnected = onConnected;
        this.onDisconnected = onDisconnected;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<Security> securityProperty() {
        return security;
    }

    public StringProperty rootCertificateProperty() {
        return rootCertificate;
    }

    public BooleanProperty rememberProperty() {
        return remember;
    }

    /** Whether this data folder is connected (then the address is fixed until it is disconnected). */
    public BooleanProperty connectedProperty() {
        return connected;
    }

    /** Whether the server is being talked to (the buttons wait). */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** How sync stands: where to, since when, what waits, what is in conflict; or that it is off. */
    public StringProperty statusProperty() {
        return status;
    }

    /** While a joining desktop downloads: how many cards so far. */
    public StringProperty progressProperty() {
        return progress;
    }

    /** The outcome of the last action, in a sentence. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Whether that outcome is a refusal or a failure. */
    public BooleanProperty failedProperty() {
        return failed;
    }

    /** Whether the person may connect, disconnect and choose to remember the password (an administrator). */
    public boolean mayChange() {
        Actor a = actor.get();
        return a != null && a.hasRole(Role.ADMINISTRATOR);
    }

    /** The address the form makes, as the driver reads it (shown under the form, so it can be copied to a script). */
    public StringBinding addressBinding() {
        return Bindings.createStringBinding(() -> address().orElse(""), host, port, database, security, rootCertificate);
    }

    /** Reads how sync stands, and the saved address into the form when connected. */
    public void load() {
        executor.run(sync::status, s -> {
            saved = s.settings().orElse(null);
            connected.set(s.settings().isPresent());
            if (s.settings().isEmpty()) {
                // what was changed meanwhile is not waiting: connecting to a new server uploads the cards as they are
                status.set("Sync is off: this console keeps its data on this computer only.");
                return;
            }
            Sync.Settings st = s.settings().get();
            fill(st.url());
            user.set(st.user());
            remember.set(st.passwordRemembered());
            status.set("Connected to " + st.where() + " since " + WHEN.format(st.connectedAt().atZone(ZoneId.systemDefault()))
                    + ". " + s.pending() + (s.pending() == 1 ? " change waits" : " changes wait") + " to be sent; "
                    + s.openConflicts() + (s.openConflicts() == 1 ? " open conflict" : " open conflicts") + "."
                    + (st.passwordRemembered() ? " The server's password is remembered on this computer." : ""));
        }, e -> fail("How sync stands could not be read: " + e.getMessage()));
    }

    /**
     * What is wrong with the form, in a sentence that says what to type; empty when it makes an address.
     */
    public Optional<String> problem() {
        String h = host.get().trim();
        if (h.isEmpty()) {
            return Optional.of("Type the server's name or address (for example db.example.org or 192.168.1.20).");
        }
        if (!h.matches("[A-Za-z0-9._\\-]+|\\[[0-9A-Fa-f:.]+\\]")) {
            return Optional.of("The server's name can hold letters, digits, dots and hyphens only ('" + shorten(h)
                    + "' cannot be a host name): type only the name, without jdbc: or a port.");
        }
        int p;
        try {
            p = Integer.parseInt(port.get().trim());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            return Optional.of("The port is a number from 1 to 65535 (PostgreSQL's is usually 5432).");
        }
        String d = database.get().trim();
        if (d.isEmpty() || d.length() > 63 || !d.matches("[A-Za-z0-9_\\-$]+")) {
            return Optional.of("Type the database's name on the server (letters, digits and _ only, at most 63), for example hsc.");
        }
        if (user.get().trim().isEmpty()) {
            return Optional.of("Type the user this desktop logs in to the server with (ask whoever runs the server).");
        }
        String cert = rootCertificate.get().trim();
        if (!cert.isEmpty() && !Files.isReadable(Path.of(cert))) {
            return Optional.of("The root certificate " + shorten(cert) + " cannot be read: choose the file the server's "
                    + "administrator gave you, or leave it empty to use the system's certificates.");
        }
        return Optional.empty();
    }

    private Optional<String> address() {
        if (problem().filter(pr -> !pr.startsWith("Type the user")).isPresent()) {
            return Optional.empty();
        }
        List<String> options = new ArrayList<>();
        options.add("sslmode=" + security.get().sslmode());
        String cert = rootCertificate.get().trim();
        if (!cert.isEmpty()) {
            options.add("sslrootcert=" + URLEncoder.encode(cert, StandardCharsets.UTF_8));
        }
        otherOptions.forEach((k, v) -> {
            if (!k.equals("sslmode") && !k.equals("sslrootcert")) {
                options.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return Optional.of("jdbc:postgresql://" + host.get().trim() + ":" + port.get().trim() + "/" + database.get().trim()
                + "?" + String.join("&", options));
    }

    /** Tries the server with the form's address and password; saves nothing. */
    public void test() {
        Optional<ServerAddress> a = serverAddress();
        if (a.isEmpty()) {
            return;
        }
        work(() -> {
            try (SyncServer server = new SyncServer(a.get())) {
                int version = server.schemaVersion();
                if (version == 0) {
                    return "The server answered. It is not set up for the console yet: connecting sets it up (with the "
                            + "database owner's user) and puts this desktop's cards on it.";
                }
                long events = server.head().seq();
                return "The server answered: set up for the console, " + events + (events == 1 ? " change" : " changes")
                        + " in its log. Connecting " + (events == 0 ? "puts this desktop's cards on it." : "downloads its cards "
                        + "(only into a data folder without cards of its own).");
            }
        }, m -> { });
    }

    /** Connects this data folder (an administrator); a joining desktop's download is counted as it goes. */
    public void connect() {
        if (!mayChange()) {
            fail("Only an administrator connects the console to a sync server: ask one to sign in here.");
            return;
        }
        Optional<ServerAddress> a = serverAddress();
        if (a.isEmpty()) {
            return;
        }
        Actor who = actor.get();
        boolean keep = remember.get();
        work(() -> sync.connect(a.get(), who, keep, n -> executor.handBack(
                () -> progress.set(String.format("%,d cards downloaded…", n)))), m -> {
            password.set("");
            onConnected.accept(a.get());
            load();
        });
    }

    /**
     * Gives the window's sync the password typed (for this session; remembered too when ticked, by an
     * administrator): for a console that started without one.
     */
    public void usePassword() {
        if (saved == null) {
            fail("This data folder is not connected to a sync server: connect it first.");
            return;
        }
        if (password.get().isEmpty()) {
            fail("Type the server's password first.");
            return;
        }
        if (remember.get() && !saved.passwordRemembered() && !mayChange()) {
            fail("Only an administrator has the password remembered on this computer: untick 'Remember' to use it "
                    + "for this session only.");
            return;
        }
        Actor who = actor.get();
        boolean keep = remember.get() && !saved.passwordRemembered();
        ServerAddress address = new ServerAddress(saved.url(), saved.user(), password.get());
        work(() -> {
            try (SyncServer server = new SyncServer(address)) {
                server.head(); // the password is tried before it is used or kept
            }
            return "The server accepted the password; sync goes on with it." + (keep ? " " + sync.rememberPassword(
                    address.password(), who) : "");
        }, m -> {
            password.set("");
            onConnected.accept(address);
            load();
        });
    }

    /** Forgets the remembered password (an administrator). */
    public void forgetPassword() {
        if (!mayChange()) {
            fail("Only an administrator changes whether the server's password is remembered.");
            return;
        }
        Actor who = actor.get();
        work(() -> sync.rememberPassword(null, who), m -> load());
    }

    /** Disconnects this data folder (an administrator); its data stays. */
    public void disconnect() {
        if (!mayChange()) {
            fail("Only an administrator disconnects the console from its sync server.");
            return;
        }
        Actor who = actor.get();
        work(() -> sync.disconnect(who), m -> {
            onDisconnected.run();
            load();
        });
    }

    private Optional<ServerAddress> serverAddress() {
        Optional<String> pr = problem();
        if (pr.isPresent()) {
            fail(pr.get());
            return Optional.empty();
        }
        try {
            return Optional.of(new ServerAddress(address().orElseThrow(), user.get().trim(),
                    password.get().isEmpty() ? null : password.get()));
        } catch (SyncException e) {
            fail(e.getMessage());
            return Optional.empty();
        }
    }

    private void work(java.util.concurrent.Callable<String> job, Consumer<String> then) {
        busy.set(true);
        failed.set(false);
        message.set("Talking to the server…");
        progress.set("");
        executor.run(job, m -> {
            busy.set(false);
            progress.set("");
            message.set(m);
            then.accept(m);
        }, e -> {
            busy.set(false);
            progress.set("");
            fail(e instanceof SyncException ? e.getMessage()
                    : "The server could not be reached: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        });
    }

    private void fail(String m) {
        failed.set(true);
        message.set(m);
    }

    /** The saved address back into the form's fields. */
    private void fill(String url) {
        try {
            URI u = URI.create(url.substring("jdbc:".length()));
            host.set(u.getHost() == null ? "" : u.getHost());
            port.set(u.getPort() < 0 ? "5432" : Integer.toString(u.getPort()));
            database.set(u.getPath() == null ? "" : u.getPath().replaceFirst("^/", ""));
            otherOptions.clear();
            if (u.getRawQuery() != null) {
                for (String kv : u.getRawQuery().split("&")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        otherOptions.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            security.set(Security.of(otherOptions.getOrDefault("sslmode", "prefer")));
            rootCertificate.set(otherOptions.getOrDefault("sslrootcert", ""));
        } catch (IllegalArgumentException e) {
            host.set("");
        }
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }
}
