package network.higherself.console.audit;

import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The trail and the column positions, written with plain JDBC inside the service's transaction. */
class AuditTrailTest {

    /** Nanoseconds on purpose: the trail keeps microseconds and must hash exactly what it stores. */
    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00.123456789Z");

    @Test
    void entriesChainAndPositionsFollowTheColumn(@TempDir Path dir) throws Exception {
        try (TestStore store = new TestStore(dir, Clock.fixed(NOW, ZoneOffset.UTC))) {
            Actor theo = Actor.staff("theo", Role.ADMINISTRATOR);
            long first = done(store.service.create("WF-SFTR-PUB", "Artist dashboard", theo, null)).cardId();
            long second = done(store.service.create("WF-SFTR-PUB", "Booking portal", theo, null)).cardId();
            done(store.service.move(MoveRequest.byEvent(first, "design_complete", theo).withNote("ready")));

            try (Connection c = store.db.dataSource().getConnection()) {
                assertThat(position(c, first)).isEqualTo(1024);  // the first card of internal_review
                assertThat(position(c, second)).isEqualTo(2048); // after the first in draft

                AuditVerifier.Verification v = new AuditVerifier().verify(c);
                assertThat(v.problem()).isEmpty();
                assertThat(v.checked()).isEqualTo(3);

                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT at, actor, action, from_state, to_state, event, note FROM audit_entry WHERE seq = 3");
                     ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getObject(1, OffsetDateTime.class).toInstant()).isEqualTo(Instant.parse("2026-11-02T09:00:00.123456Z"));
                    assertThat(rs.getString(2)).isEqualTo("theo");
                    assertThat(rs.getString(3)).isEqualTo("MOVED");
                    assertThat(rs.getString(4)).isEqualTo("draft");
                    assertThat(rs.getString(5)).isEqualTo("internal_review");
                    assertThat(rs.getString(6)).isEqualTo("design_complete");
                    assertThat(rs.getString(7)).isEqualTo("ready");
                }
            }
        }
    }

    @Test
    void aRefusedMoveWritesNoEntry(@TempDir Path dir) throws Exception {
        try (TestStore store = new TestStore(dir)) {
            Actor theo = Actor.staff("theo", Role.ADMINISTRATOR);
            long id = done(store.service.create("WF-SFTR-PUB", "Artist dashboard", theo, null)).cardId();
            assertThat(store.service.move(MoveRequest.byEvent(id, "final_approval", theo)).isDone()).isFalse();
            try (Connection c = store.db.dataSource().getConnection()) {
                assertThat(new AuditVerifier().verify(c).checked()).isEqualTo(1);
            }
        }
    }

    private static Outcome.Done done(Outcome o) {
        assertThat(o.isDone()).as(o.message()).isTrue();
        return (Outcome.Done) o;
    }

    private static long position(Connection c, long cardId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT position FROM card WHERE id = ?")) {
            ps.setLong(1, cardId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
