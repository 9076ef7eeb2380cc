package network.higherself.console.staff;

import java.util.Objects;

/** The answer to a sign-in: who is signed in, or a sentence saying why not (the same for every kind of mismatch). */
public sealed interface SignIn {

    /** Signed in: {@code actor} is who the console now records as making changes. */
    record SignedIn(Actor actor, String displayName) implements SignIn {
        public SignedIn {
            Objects.requireNonNull(actor);
            if (actor.kind() != Actor.Kind.STAFF) {
                throw new IllegalArgumentException("Only staff sign in");
            }
        }

        public String username() {
            return actor.name();
        }

        public Role role() {
            return actor.role().orElseThrow();
        }
    }

    /** Not signed in; {@code message} is a sentence the person can act on. */
    record Refused(String message) implements SignIn {
    }
}
