package network.higherself.console.sync;

import network.higherself.console.app.Services;
import network.higherself.console.audit.AuditVerifier;
import network.higherself.console.audit.TrailReplay;
import network.higherself.console.card.Card;
import network.higherself.console.move.Change;
import network.higherself.console.move.FieldValues;
import network.higherself.console.move.MoveCheck;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.DataFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two desktops (two data folders, two service stacks) and one real PostgreSQL server: what one does shows on the
 * other, through each one's change pipeline, and a change that loses to another desktop's is shown, never dropped.
 */
class SyncDesktopsTest extends OnTwoDesktops {

    private static final Actor AMARA = TwoDesktops.AMARA;
    private static final Actor JONAS = TwoDesktops.JONAS;

    private SyncServer serverA;
    private SyncServer serverB;
    private String url;

    @BeforeEach
    void servers() {
        serverA = desks.serverA;
        serverB = desks.serverB;
        url = desks.url;
    }

    private ServerAddress desk(String name) throws SQLException {
        return TwoDesktops.desk(server, url, name);
    }

    @Test
    void aDesktopThatJoinsHasEveryCardAsTheFirstOneHasIt() throws Exception {
        assertThat(cards(b)).isEqualTo(cards(a)).hasSizeGreaterThan(100);
        assertThat(fields(b)).isEqualTo(fields(a));
    }

    @Test
    void aMoveAndAnEditOnAShowOnBAfterBothSync() throws Exception {
        Card card = movable(a, AMARA);
        MoveCheck open = a.cards().check(card.getId(), AMARA).stream().filter(MoveCheck::isOpen).findFirst().orElseThrow();
        Outcome moved = a.cards().apply(AMARA, new Change.Move(card.getId(), open.transition().event(), null,
                card.getVersion(), null, "moved on A"));
        assertThat(moved.isDone()).as(moved.message()).isTrue();
        Card other = movable(a, AMARA);
        assertThat(a.cards().apply(AMARA, new Change.Edit(other.getId(), other.getVersion(),
                FieldValues.NONE.with(Card.TITLE, "Renamed on A"))).isDone()).isTrue();

        Sync.Report sent = a.sync().now(serverA);
        assertThat(sent.pushed()).isEqualTo(2);
        Sync.Report taken = b.sync().now(serverB);
        assertThat(taken.applied()).isEqualTo(2);

        assertThat(cards(b)).isEqualTo(cards(a));
        assertThat(fields(b)).isEqualTo(fields(a));
        assertThat(audit(b, "MOVED")).anySatisfy(line -> assertThat(line).contains("amara"));
    }

    @Test
    void bothMoveTheSameCardOneWinsEverywhereAndTheOtherIsAConflictItsPersonSeesAndCanLetGo() throws Exception {
        Card onA = movable(a, AMARA);
        UUID uid = onA.getUid();
        long idOnB = localId(b, uid);
        Card onB = b.database().sessionFactory().fromSession(s -> s.find(Card.class, idOnB));
        String event = a.cards().check(onA.getId(), AMARA).stream().filter(MoveCheck::isOpen).findFirst().orElseThrow()
                .transition().event();
        assertThat(a.cards().apply(AMARA, new Change.Move(onA.getId(), event, null, onA.getVersion(), null, null)).isDone()).isTrue();
        // B moves its copy too, as Jonas, before it has heard of A's move
        Outcome onBMove = b.cards().apply(JONAS, new Change.Move(idOnB, event, null, onB.getVersion(), null, "B's move"));
        assertThat(onBMove.isDone()).as(onBMove.message()).isTrue();
        // B changes its title as well, on the version its own move made: that loses too
        assertThat(a.sync().now(serverA).pushed()).isEqualTo(1);

        Sync.Report r = b.sync().now(serverB);
        assertThat(r.conflicts()).isEqualTo(1);
        assertThat(cards(b)).isEqualTo(cards(a));

        List<Sync.Conflict> conflicts = b.sync().openConflicts("jonas");
        assertThat(conflicts).singleElement().satisfies(c -> {
            assertThat(c.cardId()).isEqualTo(idOnB);
            assertThat(c.what()).startsWith("You moved '" + onB.getTitle() + "' from ");
            assertThat(c.instead()).contains("first, by amara at desk_a");
        });
        assertThat(b.sync().status().openConflicts()).isEqualTo(1);
        // the same move again is not legal from where A's move put the card: refused with the pipeline's sentence
        Outcome again = b.sync().applyAgain(conflicts.get(0).id(), JONAS);
        assertThat(again.isDone()).isFalse();
        assertThat(b.sync().openConflicts("jonas")).hasSize(1);
        assertThatThrownBy(() -> b.sync().letGo(conflicts.get(0).id(), Actor.staff("theo", Role.FRONT_DESK)))
                .hasMessageContaining("jonas's");
        assertThat(b.sync().letGo(conflicts.get(0).id(), JONAS).isDone()).isTrue();
        assertThat(b.sync().openConflicts(null)).isEmpty();
        assertThat(audit(b, "CONFLICT_RESOLVED")).singleElement().satisfies(l -> assertThat(l).contains("let go"));
        assertThat(audit(b, "SERVER_COPY")).anySatisfy(l -> assertThat(l).contains("another desktop changed the card first"));
        assertTrailsHoldTogether(a);
        assertTrailsHoldTogether(b);
    }

    /** Each desktop's audit trail is whole, and replaying it gives the tables it has (verify-audit's two checks). */
    private static void assertTrailsHoldTogether(Services s) throws SQLException {
        try (Connection c = s.database().dataSource().getConnection()) {
            assertThat(new AuditVerifier().verify(c).problem()).isEmpty();
            assertThat(new TrailReplay(s.workflows()).compare(c).differences()).isEmpty();
        }
    }

    @Test
    void aLostEditIsAppliedAgainFromTheCardsNewState() throws Exception {
        Card onA = movable(a, AMARA);
        long idOnB = localId(b, onA.getUid());
        Card onB = b.database().sessionFactory().fromSession(s -> s.find(Card.class, idOnB));
        String event = a.cards().check(onA.getId(), AMARA).stream().filter(MoveCheck::isOpen).findFirst().orElseThrow()
                .transition().event();
        assertThat(a.cards().apply(AMARA, new Change.Move(onA.getId(), event, null, onA.getVersion(), null, null)).isDone()).isTrue();
        assertThat(b.cards().apply(JONAS, new Change.Edit(idOnB, onB.getVersion(),
                FieldValues.NONE.with(Card.TITLE, "Jonas's better title"))).isDone()).isTrue();
        a.sync().now(serverA);
        assertThat(b.sync().now(serverB).conflicts()).isEqualTo(1);
        assertThat(title(b, idOnB)).isEqualTo(onA.getTitle());

        Sync.Conflict lost = b.sync().openConflicts("jonas").get(0);
        assertThat(lost.what()).isEqualTo("You edited 'Jonas's better title' in Concept");
        Outcome again = b.sync().applyAgain(lost.id(), JONAS);
        assertThat(again.isDone()).as(again.message()).isTrue();
        assertThat(b.sync().openConflicts(null)).isEmpty();
        b.sync().now(serverB);
        a.sync().now(serverA);
        assertThat(title(a, onA.getId())).isEqualTo("Jonas's better title");
        assertThat(cards(b)).isEqualTo(cards(a));
    }

    @Test
    void aDesktopOfflineFor500ChangesCatchesUpCardByCard() throws Exception {
        List<Card> some = a.database().sessionFactory().fromSession(s -> s.createSelectionQuery(
                "from Card c order by c.id", Card.class).setMaxResults(50).getResultList());
        int made = 0;
        for (int round = 0; made < 500; round++) {
            for (Card c : some) {
                long version = a.database().sessionFactory().fromSession(s -> s.find(Card.class, c.getId()).getVersion());
                Outcome o = a.cards().apply(AMARA, new Change.Edit(c.getId(), version,
                        FieldValues.NONE.with(Card.TITLE, c.getTitle() + " r" + round)));
                assertThat(o.isDone()).as(o.message()).isTrue();
                made++;
            }
        }
        assertThat(a.sync().now(serverA).pushed()).isEqualTo(500);
        Sync.Report r = b.sync().now(serverB);
        assertThat(r.pulled()).isEqualTo(500);
        assertThat(r.applied()).isEqualTo(500);
        assertThat(cards(b)).isEqualTo(cards(a));
        assertThat(fields(b)).isEqualTo(fields(a));
        // and nothing comes back to A as new
        Sync.Report back = a.sync().now(serverA);
        assertThat(back.applied() + back.copied()).isZero();
        assertTrailsHoldTogether(a);
        assertTrailsHoldTogether(b);
    }

    @Test
    void aPushOfSeveralPagesWithALostEditInTheMiddleSendsEveryOtherEventOnceAndShowsTheLoss() throws Exception {
        List<Card> some = a.database().sessionFactory().fromSession(s -> s.createSelectionQuery(
                "from Card c order by c.id", Card.class).getResultList()).stream()
                .filter(c -> !c.workflowId().equals("WF-PERM-MGT")).limit(51).toList();
        Card contested = some.get(50);
        long contestedOnB = localId(b, contested.getUid());
        // B retitles the contested card first; A, offline, edits it only from its 13th round on (its second page)
        long onBVersion = b.database().sessionFactory().fromSession(s -> s.find(Card.class, contestedOnB).getVersion());
        assertThat(b.cards().apply(JONAS, new Change.Edit(contestedOnB, onBVersion,
                FieldValues.NONE.with(Card.TITLE, "Jonas's title"))).isDone()).isTrue();
        b.sync().now(serverB);
        int made = 0;
        int contestedEdits = 0;
        for (int round = 0; round < 24; round++) {
            for (Card c : round < 12 ? some.subList(0, 50) : some) {
                long version = a.database().sessionFactory().fromSession(s -> s.find(Card.class, c.getId()).getVersion());
                Outcome o = a.cards().apply(AMARA, new Change.Edit(c.getId(), version,
                        FieldValues.NONE.with(Card.TITLE, c.getTitle() + " r" + round)));
                assertThat(o.isDone()).as(o.message()).isTrue();
                made++;
                contestedEdits += c.getId().equals(contested.getId()) ? 1 : 0;
            }
        }
        assertThat(made).isGreaterThan(1000); // three pages of 500

        Sync.Report r = a.sync().now(serverA);
        assertThat(r.pushed()).as("every edit of the other cards").isEqualTo(made - contestedEdits);
        assertThat(r.conflicts()).as("the contested card's edits lost").isEqualTo(contestedEdits);
        assertThat(a.sync().status().pending()).isZero();
        assertThat(a.sync().now(serverA).pushed()).as("nothing is sent twice").isZero();
        assertThat(a.sync().openConflicts("amara")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.cardId()).isEqualTo(contested.getId()));
        assertThat(title(a, contested.getId())).isEqualTo("Jonas's title");
        b.sync().now(serverB);
        assertThat(cards(b)).isEqualTo(cards(a));
        assertThat(fields(b)).isEqualTo(fields(a));
        assertTrailsHoldTogether(a);
    }

    @Test
    void aDesktopWithCardsOfItsOwnIsRefusedWithASentenceAndNothingChanges() throws Exception {
        try (Services c = Services.open(new DataFolder(TwoDesktops.copy(serverDir.resolve("templates").resolve("a"),
                dir.resolve("c"))), Clock.systemUTC())) {
            Map<String, String> before = cards(c);
            assertThatThrownBy(() -> c.sync().connect(desk("desk_c"), AMARA))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("cards of its own")
                    .hasMessageContaining("not merged");
            assertThat(c.sync().settings()).isEmpty();
            assertThat(cards(c)).isEqualTo(before);
        }
    }

    @Test
    void onlyAnAdministratorConnectsAndAConnectedFolderIsNotConnectedTwice() {
        assertThatThrownBy(() -> b.sync().connect(new ServerAddress(url, "x", "y"), JONAS))
                .hasMessageContaining("Only an administrator");
        assertThatThrownBy(() -> b.sync().connect(new ServerAddress(url, "x", "y"), AMARA))
                .hasMessageContaining("already connected");
    }

    // ------------------------------------------------------------------ helpers

    private static Card movable(Services s, Actor actor) {
        List<Card> all = s.database().sessionFactory().fromSession(x -> x.createSelectionQuery(
                "from Card c order by c.id", Card.class).getResultList());
        for (Card c : all) {
            if (!c.workflowId().equals("WF-GALLERY-EXH")) {
                continue;
            }
            if (s.cards().check(c.getId(), actor).stream().anyMatch(MoveCheck::isOpen)) {
                return c;
            }
        }
        throw new AssertionError("no card the actor can move");
    }

    /** Every card by uid: board, column, version and title. */
    private static Map<String, String> cards(Services s) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = s.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT uid, workflow_id, state, version, title FROM card");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " v" + rs.getLong(4) + " " + rs.getString(5));
            }
        }
        return out;
    }

    /** Every card's fields by uid, as a person reads them (references by name). */
    private static Map<String, String> fields(Services s) {
        Map<String, String> out = new TreeMap<>();
        s.database().sessionFactory().inSession(x -> {
            for (Card c : x.createSelectionQuery("from Card c", Card.class).getResultList()) {
                List<String> values = new ArrayList<>();
                c.allFields().forEach(f -> values.add(f.key() + "=" + f.display(c)));
                out.put(c.getUid().toString(), String.join("; ", values));
            }
        });
        return out;
    }

    private static long localId(Services s, UUID uid) {
        return s.database().sessionFactory().fromSession(x -> x.createSelectionQuery(
                "select c.id from Card c where c.uid = :u", Long.class).setParameter("u", uid).getSingleResult());
    }

    private static String title(Services s, long id) {
        return s.database().sessionFactory().fromSession(x -> x.find(Card.class, id).getTitle());
    }

    private static List<String> audit(Services s, String action) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = s.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT actor, note, details FROM audit_entry WHERE action = ? ORDER BY seq")) {
            ps.setString(1, action.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3));
                }
            }
        }
        return out;
    }
}
