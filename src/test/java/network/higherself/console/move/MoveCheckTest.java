package network.higherself.console.move;

import network.higherself.console.agent.AgentFixture;
import network.higherself.console.card.Booking;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the pipeline tells a board before a move, so that it offers only what will work: the actor's rights, the
 * card's own refusals, the guards and the hard limits, each as the move itself would meet them — and nothing written.
 */
class MoveCheckTest {

    @TempDir
    static Path dir;

    static TestStore store;
    static StaffMember priya;
    static StaffMember jonas;

    @BeforeAll
    static void open() {
        store = new TestStore(dir);
        priya = store.staff("priya", Role.MANAGER);
        jonas = store.staff("jonas", Role.MANAGER);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static Map<String, MoveCheck> byEvent(List<MoveCheck> checks) {
        return checks.stream().collect(Collectors.toMap(m -> m.transition().event(), m -> m));
    }

    @Test
    void aMissingQuoteLocksTheAcceptanceAndTheDeclineWhichAsksForItsReasonStaysOpen() {
        long id = store.cardIn(store.workflows.get(Booking.WORKFLOW), "quote_provided", priya);
        DbRows rows = new DbRows(store.db.dataSource());
        DbRows.Snapshot before = rows.snapshot(id);

        Map<String, MoveCheck> checks = byEvent(store.service.check(id, Actor.staff("theo", Role.FRONT_DESK)));

        assertThat(checks.get("client_accepted_quote")).isEqualTo(new MoveCheck(checks.get("client_accepted_quote").transition(),
                MoveCheck.Verdict.LOCKED, "A quote is needed before the client can accept it: enter the quoted amount first."));
        assertThat(checks.get("client_declined_quote").verdict()).isEqualTo(MoveCheck.Verdict.OPEN);
        assertThat(rows.snapshot(id)).as("asking wrote nothing").isEqualTo(before);

        store.service.edit(id, null, Actor.system(), (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("90.00")));
        assertThat(store.service.check(id, Actor.staff("theo", Role.FRONT_DESK))).allMatch(MoveCheck::isOpen);
    }

    @Test
    void whoLacksTheRightIsForbiddenEveryEventInTheRightsOwnWords() {
        long id = store.cardIn(store.workflows.get(Booking.WORKFLOW), "quote_provided", priya);
        List<MoveCheck> checks = store.service.check(id, Actor.staff("lucia", Role.GALLERY_STAFF));
        assertThat(checks).hasSize(2).allMatch(m -> m.verdict() == MoveCheck.Verdict.FORBIDDEN);
        assertThat(checks.get(0).reason()).isEqualTo("lucia (gallery staff) may not fire \u201cClient accepted quote\u201d on "
                + "Wellness bookings. Ask for the right with a permission request.");
    }

    @Test
    void fourEyesLockTheApprovalForTheRequesterOnly() {
        Workflow permissions = store.workflows.get("WF-PERM-MGT");
        long id = store.cardIn(permissions, "manager_review", priya);
        assertThat(byEvent(store.service.check(id, priya.asActor())).get("manager_approved"))
                .extracting(MoveCheck::verdict, MoveCheck::reason).containsExactly(MoveCheck.Verdict.LOCKED,
                        "A request cannot be approved by the person who made it: another manager must approve it.");
        assertThat(byEvent(store.service.check(id, jonas.asActor())).get("manager_approved").verdict())
                .isEqualTo(MoveCheck.Verdict.OPEN);
    }

    @Test
    void aFullColumnWithAHardLimitIsLocked() {
        Workflow gallery = store.workflows.get("WF-GALLERY-EXH");
        store.cardIn(gallery, "artist_selection", priya);
        assertThat(store.limits.set(gallery.id(), "artist_selection", 1, true, Actor.system()).isDone()).isTrue();
        try {
            long id = store.cardIn(gallery, "concept", priya);
            assertThat(store.service.check(id, Actor.staff("lucia", Role.GALLERY_STAFF)))
                    .extracting(MoveCheck::verdict, MoveCheck::reason).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(MoveCheck.Verdict.LOCKED, "Artist selection is at its limit "
                                    + "of 1 cards: move a card out of it first, or raise the column's limit."));
        } finally {
            store.limits.set(gallery.id(), "artist_selection", null, false, Actor.system());
        }
    }

    @Test
    void anOpenChecklistLocksTheStartOfTheService(@TempDir Path agentsDir) {
        try (AgentFixture fx = new AgentFixture(agentsDir)) {
            long id = fx.cardIn(Booking.WORKFLOW, "preparation",
                    (c, r) -> Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-11-10T14:00")));
            MoveCheck start = byEvent(fx.cards().check(id, fx.desk)).get("service_started");
            assertThat(start.verdict()).isEqualTo(MoveCheck.Verdict.LOCKED);
            assertThat(start.reason()).startsWith("Preparation is not finished: ").endsWith("on the booking's checklist first.");
        }
    }

    @Test
    void aCardThatIsGoneHasNothingToOffer() {
        assertThat(store.service.check(987_654L, Actor.system())).isEmpty();
    }
}
