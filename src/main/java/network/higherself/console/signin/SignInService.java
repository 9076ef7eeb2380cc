package network.higherself.console.signin;

import jakarta.persistence.LockModeType;
import network.higherself.console.audit.AccountEntry;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditRecord;
import network.higherself.console.audit.AuditTrail;
import network.higherself.console.sync.SharedRows;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.PasswordHash;
import network.higherself.console.staff.Passwords;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.SignIn;
import network.higherself.console.staff.SignInAttempts;
import network.higherself.console.staff.StaffMember;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Staff sign-in and passwords: checks a user name and password against the stored PBKDF2 hash, counts failures
 * ({@link SignInAttempts}: five lock the account for 15 minutes), and writes every attempt, lock, new account
 * and password change to the hash-chained audit trail, the staff user name being the actor. Each call is one
 * transaction: the count, the lock and the audit entries are written together.
 *
 * <p>No answer tells an unknown user name from a wrong password: names without an account are counted and
 * locked in the same way (table {@code sign_in_unknown}, under a slow hash of the name, never the name itself),
 * refused with the same sentences, and cost the same hashing time. Passwords are never stored, logged or put in a message; the caller owns the arrays passed in
 * and should clear them. All time comes from the clock given.
 *
 * <p>Each call hashes at least once (about 150 ms): call it from the background executor, never on the JavaFX
 * thread.
 */
public final class SignInService {

    /** What a user name may be: lower-case letters, digits, '.', '_' and '-', 2 to 60 characters. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);

    private final SessionFactory sessionFactory;
    private final Clock clock;
    private final Passwords passwords;
    private final AuditTrail audit = new AuditTrail();
    private final network.higherself.console.sync.Outbox outbox = new network.higherself.console.sync.Outbox();
    /** Hashed against when there is no stored hash, so that every refusal costs the same time. */
    private final PasswordHash decoy;
    private final SecureRandom random = new SecureRandom();

    public SignInService(SessionFactory sessionFactory, Clock clock) {
        this(sessionFactory, clock, new Passwords());
    }

    public SignInService(SessionFactory sessionFactory, Clock clock, Passwords passwords) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory);
        this.clock = Objects.requireNonNull(clock);
        this.passwords = Objects.requireNonNull(passwords);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        this.decoy = new PasswordHash(b64.encodeToString(new byte[32]), b64.encodeToString(salt), passwords.iterations());
    }

    /** The user name as accounts store it: trimmed, lower case. */
    public static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Signs {@code username} in with {@code password}: {@link SignIn.SignedIn} with the staff member as an actor,
     * or {@link SignIn.Refused} with the sentence to show (the same for an unknown name and a wrong password).
     */
    public SignIn signIn(String username, char[] password) {
        String name = normalize(username);
        if (name.isEmpty() || password == null || password.length == 0) {
            return new SignIn.Refused("Enter your user name and password.");
        }
        return sessionFactory.fromTransaction(session -> {
            Attempt a = attempt(session, name, password);
            if (a.refusal != null) {
                return a.refusal;
            }
            StaffMember m = a.member;
            append(session, m.getUsername(), AuditAction.SIGNED_IN, "signed in as " + m.getRole().label());
            return new SignIn.SignedIn(m.asActor(), m.getDisplayName());
        });
    }

    /**
     * Whether the console needs its first administrator: no administrator account has a password (a new data
     * folder has none, and no default password), so nobody could manage the accounts.
     */
    public boolean needsFirstAdministrator() {
        return sessionFactory.fromSession(SignInService::noAdministrator);
    }

    /**
     * Creates the first administrator account and signs it in; refused (with a sentence) when an administrator
     * exists already, the user name is not usable or taken, or the password is too weak.
     */
    public SignIn createFirstAdministrator(String username, String displayName, char[] password) {
        String name = normalize(username);
        Optional<String> problem = usernameProblem(name)
                .or(() -> displayName == null || displayName.isBlank()
                        ? Optional.of("Enter the name the console shows for this person, e.g. Amara Osei.")
                        : Optional.empty())
                .or(() -> displayName.strip().length() > 120
                        ? Optional.of("A display name has at most 120 characters.") : Optional.empty())
                .or(() -> Passwords.weakness(password, name));
        if (problem.isPresent()) {
            return new SignIn.Refused(problem.get());
        }
        PasswordHash hash = passwords.hash(password);
        return sessionFactory.fromTransaction(session -> {
            if (!noAdministrator(session)) {
                return new SignIn.Refused("An administrator account exists already: sign in with it. "
                        + "An administrator creates the other accounts.");
            }
            if (find(session, name) != null) {
                return new SignIn.Refused("The user name '" + name + "' is taken: choose another.");
            }
            Instant now = clock.instant();
            StaffMember m = new StaffMember(name, displayName.strip(), Role.ADMINISTRATOR, null, now);
            m.setPassword(hash);
            session.persist(m);
            record(session, AccountEntry.created(clock.instant(), name, m, "first administrator account created: "
                    + m.getDisplayName()));
            append(session, name, AuditAction.SIGNED_IN, "signed in as " + Role.ADMINISTRATOR.label());
            return new SignIn.SignedIn(m.asActor(), m.getDisplayName());
        });
    }

    /**
     * An administrator (or the console itself) sets someone's password, which also lifts a lock. Returns the
     * refusal sentence, or empty when the password was set.
     */
    public Optional<String> setPassword(Actor by, String username, char[] password) {
        boolean allowed = by.kind() == Actor.Kind.SYSTEM || by.kind() == Actor.Kind.STAFF && by.hasRole(Role.ADMINISTRATOR);
        if (!allowed) {
            return Optional.of("Only an administrator may set someone's password. Change your own with your current password.");
        }
        String name = normalize(username);
        Optional<String> weak = Passwords.weakness(password, name);
        if (weak.isPresent()) {
            return weak;
        }
        PasswordHash hash = passwords.hash(password);
        return sessionFactory.fromTransaction(session -> {
            StaffMember m = find(session, name);
            if (m == null) {
                return Optional.of("There is no account '" + name + "'.");
            }
            m.setPassword(hash);
            append(session, by.auditName(), AuditAction.PASSWORD_CHANGED, AccountEntry.passwordSet(m.getUsername()));
            return Optional.empty();
        });
    }

    /**
     * Someone changes their own password, giving the current one (a wrong one counts as a failed sign-in).
     * Returns the refusal sentence, or empty when the password was changed.
     */
    public Optional<String> changePassword(String username, char[] current, char[] next) {
        String name = normalize(username);
        if (name.isEmpty() || current == null || current.length == 0) {
            return Optional.of("Enter your user name and current password.");
        }
        Optional<String> weak = Passwords.weakness(next, name);
        if (weak.isPresent()) {
            return weak;
        }
        PasswordHash hash = passwords.hash(next);
        return sessionFactory.fromTransaction(session -> {
            Attempt a = attempt(session, name, current);
            if (a.refusal != null) {
                return Optional.of(a.refusal.message());
            }
            a.member.setPassword(hash);
            append(session, name, AuditAction.PASSWORD_CHANGED, AccountEntry.OWN_PASSWORD);
            return Optional.empty();
        });
    }

    /** Why {@code name} cannot be a user name, or empty. */
    public static Optional<String> usernameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("Enter a user name, e.g. amara.");
        }
        if (!USERNAME.matcher(name).matches()) {
            return Optional.of("A user name has 2 to 60 characters: lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit.");
        }
        return Optional.empty();
    }

    /** The outcome of checking a password: the member when it matched, else the refusal (already audited). */
    private record Attempt(StaffMember member, SignIn.Refused refusal) {
    }

    private Attempt attempt(Session session, String name, char[] password) {
        Instant now = clock.instant();
        StaffMember m = find(session, name);
        if (m == null) {
            return new Attempt(null, unknownName(session, name, password, now));
        }
        SignInAttempts attempts = m.signInAttempts();
        if (attempts.lockedAt(now)) {
            passwords.verify(password, decoy); // the time an unknown name's hash takes, locked or not
            append(session, m.getUsername(), AuditAction.SIGN_IN_FAILED, AccountEntry.REFUSED_LOCKED + attempts.lockedUntil());
            return new Attempt(null, new SignIn.Refused(attempts.lockedSentence(clock.getZone())));
        }
        Optional<PasswordHash> stored = m.password();
        boolean matches = passwords.verify(password, stored.orElse(decoy)) && stored.isPresent();
        if (matches) {
            boolean changed = !attempts.equals(SignInAttempts.NONE);
            m.setSignInAttempts(SignInAttempts.NONE);
            if (passwords.outdated(stored.get())) {
                m.setPassword(passwords.hash(password)); // bring an old hash up to today's iteration count
                changed = true;
            }
            if (changed) { // failed sign-ins cleared or the hash renewed: the other desktops get the account as it is
                share(session, m.getUsername(), m.getUsername());
            }
            return new Attempt(m, null);
        }
        SignInAttempts after = attempts.failedAt(now);
        m.setSignInAttempts(after);
        return new Attempt(null, failed(session, m.getUsername(), after, now,
                stored.isPresent() ? "wrong password" : "the account has no password yet"));
    }

    /**
     * A name without an account: counted and locked like an account, under a slow hash of the name (never the name:
     * it may be a password typed in the wrong field). Hashing it costs what checking a password does, so every path
     * hashes once; the audit trail names it {@code unknown name #…}, the start of that hash, which tells repeated
     * tries of one name apart without saying what it is.
     */
    private SignIn.Refused unknownName(Session session, String name, char[] password, Instant now) {
        String key = nameHash(session, name);
        String actor = "unknown name #" + HexFormat.of().formatHex(Base64.getDecoder().decode(key), 0, 6);
        SignInAttempts attempts = readUnknown(session, key);
        if (attempts.lockedAt(now)) {
            append(session, actor, AuditAction.SIGN_IN_FAILED, "refused: no account has this user name (and it is locked until "
                    + attempts.lockedUntil() + ")");
            return new SignIn.Refused(attempts.lockedSentence(clock.getZone()));
        }
        SignInAttempts after = attempts.failedAt(now);
        writeUnknown(session, key, after);
        return failed(session, actor, after, now, "no account has this user name");
    }

    /** The salt of the hashes of names without an account, and their iteration count (one pair per database). */
    private record NameSalt(String salt, int iterations) {
    }

    /** The name's PBKDF2 hash with this database's salt (made on first use), Base64: the key of its row. */
    private String nameHash(Session session, String name) {
        NameSalt salt = session.doReturningWork(c -> {
            try (PreparedStatement read = c.prepareStatement("SELECT salt, iterations FROM sign_in_name_salt WHERE id = 1");
                 ResultSet rs = read.executeQuery()) {
                if (rs.next() && rs.getString("salt") != null) {
                    return new NameSalt(rs.getString("salt"), rs.getInt("iterations"));
                }
            }
            byte[] fresh = new byte[16];
            random.nextBytes(fresh);
            NameSalt made = new NameSalt(Base64.getEncoder().encodeToString(fresh), passwords.iterations());
            try (PreparedStatement set = c.prepareStatement(
                    "UPDATE sign_in_name_salt SET salt = ?, iterations = ? WHERE id = 1 AND salt IS NULL")) {
                set.setString(1, made.salt());
                set.setInt(2, made.iterations());
                if (set.executeUpdate() == 1) {
                    return made;
                }
            }
            try (PreparedStatement again = c.prepareStatement("SELECT salt, iterations FROM sign_in_name_salt WHERE id = 1");
                 ResultSet rs = again.executeQuery()) { // another sign-in made it first
                rs.next();
                return new NameSalt(rs.getString("salt"), rs.getInt("iterations"));
            }
        });
        char[] chars = name.toCharArray();
        try {
            return Passwords.derive(chars, Base64.getDecoder().decode(salt.salt()), salt.iterations()).hash();
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private SignIn.Refused failed(Session session, String actor, SignInAttempts after, Instant now, String why) {
        boolean locked = after.lockedAt(now);
        append(session, actor, AuditAction.SIGN_IN_FAILED, why + (locked ? ""
                : ", " + after.left() + (after.left() == 1 ? " attempt" : " attempts") + " left"));
        if (locked) {
            append(session, actor, AuditAction.LOCKED_OUT, AccountEntry.lockedOut(after.lockedUntil(), SignInAttempts.MAX_FAILED));
        }
        return new SignIn.Refused(after.mismatchSentence(clock.getZone()));
    }

    private void append(Session session, String actor, AuditAction action, String details) {
        record(session, new AuditRecord(clock.instant(), actor, action, null, null, null, null, null, null, details));
    }

    private void record(Session session, AuditRecord entry) {
        // the log repeats what the audit trail gets: names with an account, an unknown name only as its hash's start
        LOG.info("{} {}: {}", entry.actor(), entry.action().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                entry.note() != null ? entry.note() : entry.details());
        audit.append(session, entry);
        shareAccount(session, entry);
    }

    /** With sync on, the other desktops get the account as it is after this entry's change (see sync/SharedRows). */
    private void shareAccount(Session session, AuditRecord entry) {
        boolean refusedLocked = entry.details() != null && entry.details().startsWith(AccountEntry.REFUSED_LOCKED);
        String username = switch (entry.action()) {
            case ACCOUNT_CREATED -> AccountEntry.parse(entry.actor(), entry.details()).username();
            case PASSWORD_CHANGED -> AccountEntry.passwordOf(entry.actor(), entry.details());
            case SIGN_IN_FAILED -> refusedLocked ? null : entry.actor(); // refused while locked: nothing changed
            case LOCKED_OUT -> entry.actor();
            default -> null; // a sign-in shares the account only when it changed it (see attempt)
        };
        if (username != null) {
            share(session, username, entry.actor());
        }
    }

    private void share(Session session, String username, String actor) {
        if (session.createSelectionQuery("select count(m) from StaffMember m where m.username = :u", Long.class)
                .setParameter("u", username).getSingleResult() > 0) { // an unknown name's hash is not shared
            outbox.appendShared(session, clock.instant(), actor, SharedRows.ACCOUNT, username);
        }
    }

    private static StaffMember find(Session session, String name) {
        return session.createSelectionQuery("from StaffMember where lower(username) = :u", StaffMember.class)
                .setParameter("u", name)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .uniqueResult();
    }

    private static boolean noAdministrator(Session session) {
        return session.createSelectionQuery(
                        "select count(m) from StaffMember m where m.role = :r and m.passwordHash is not null", Long.class)
                .setParameter("r", Role.ADMINISTRATOR)
                .getSingleResult() == 0;
    }

    private static SignInAttempts readUnknown(Session session, String key) {
        return session.doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT failed_attempts, locked_until FROM sign_in_unknown WHERE name_hash = ? FOR UPDATE")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return SignInAttempts.NONE;
                    }
                    OffsetDateTime until = rs.getObject("locked_until", OffsetDateTime.class);
                    return new SignInAttempts(rs.getInt("failed_attempts"), until == null ? null : until.toInstant());
                }
            }
        });
    }

    private static void writeUnknown(Session session, String key, SignInAttempts attempts) {
        session.doWork(c -> {
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE sign_in_unknown SET failed_attempts = ?, locked_until = ? WHERE name_hash = ?")) {
                set(up, attempts);
                up.setString(3, key);
                if (up.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement in = c.prepareStatement(
                    "INSERT INTO sign_in_unknown (failed_attempts, locked_until, name_hash) VALUES (?, ?, ?)")) {
                set(in, attempts);
                in.setString(3, key);
                in.executeUpdate();
            }
        });
    }

    private static void set(PreparedStatement ps, SignInAttempts attempts) throws java.sql.SQLException {
        ps.setInt(1, attempts.failed());
        if (attempts.lockedUntil() == null) {
            ps.setNull(2, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(2, OffsetDateTime.ofInstant(attempts.lockedUntil(), ZoneOffset.UTC));
        }
    }
}
