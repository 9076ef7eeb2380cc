package network.higherself.console.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who signs in to the console: their account, role, password hash (never the password) and failed
 * sign-ins. An account without a password cannot sign in.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 60)
    private String username;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(length = 200)
    private String email;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_hash", length = 128)
    private String passwordHash;

    @Column(name = "password_salt", length = 64)
    private String passwordSalt;

    @Column(name = "password_iterations")
    private Integer passwordIterations;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected StaffMember() {
    }

    public StaffMember(String username, String displayName, Role role, String email, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.email = email;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public String getEmail() {
        return email;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The stored password hash; empty when the account has no password yet. */
    public Optional<PasswordHash> password() {
        return passwordHash == null ? Optional.empty()
                : Optional.of(new PasswordHash(passwordHash, passwordSalt, passwordIterations));
    }

    /** Sets a new password (its hash); the failed sign-ins and any lock are cleared with it. */
    public void setPassword(PasswordHash hash) {
        Objects.requireNonNull(hash);
        this.passwordHash = hash.hash();
        this.passwordSalt = hash.salt();
        this.passwordIterations = hash.iterations();
        setSignInAttempts(SignInAttempts.NONE);
    }

    public SignInAttempts signInAttempts() {
        return new SignInAttempts(failedAttempts, lockedUntil);
    }

    public void setSignInAttempts(SignInAttempts attempts) {
        this.failedAttempts = attempts.failed();
        this.lockedUntil = attempts.lockedUntil();
    }

    public Actor asActor() {
        return Actor.staff(username, role);
    }

    @Override
    public String toString() {
        return displayName + " (" + role.label() + ")";
    }
}
