package network.higherself.console.move;

import network.higherself.console.card.Card;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.GuardContext;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.workflow.FireResult;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sentence a person reads about a move names columns and events by their labels, never by the workflow's
 * ids: collected from every illegal move of every workflow (each event not legal from each state, each column no
 * event leads to, each event sent to a column it does not lead to), from the rights of every role and agent, from
 * the guards and from the moves that succeed — all through the enforcement point.
 */
class RefusalWordsTest {

    /** A snake_case token: two or more words joined by underscores. */
    private static final Pattern SNAKE = Pattern.compile("\\b[a-z0-9]+(?:_[a-z0-9]+)+\\b");
    /** An event's label in the quotation marks sentences give it (its words are the id's, and lower case). */
    private static final Pattern QUOTED = Pattern.compile("\u201c[^\u201d]*\u201d");

    @TempDir
    static Path dir;

    static TestStore store;
    private static final Map<Role, StaffMember> SOMEONE = new EnumMap<>(Role.class);

    @BeforeAll
    static void open() {
        store = new TestStore(dir);
        for (Role r : Role.values()) {
            SOMEONE.put(r, store.staff("someone-" + r.name().toLowerCase().replace('_', '-'), r));
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** A card of {@code w} in {@code state}; a permission request is a manager's own (so that four eyes refuse). */
    private static long cardIn(Workflow w, String state) {
        return store.cardIn(w, state, SOMEONE.get(Role.MANAGER));
    }

    private static void put(long id, String state) {
        store.putIn(id, state);
    }

    /** What a person read, and how it came about (for the failure message). */
    private record Sentence(String how, String text, boolean ours) {
    }

    @TestFactory
    Stream<DynamicTest> everySentenceAboutAMoveUsesLabels() {
        return store.workflows.all().stream().map(w -> DynamicTest.dynamicTest(w.id(), () -> {
            List<Sentence> read = new ArrayList<>();
            Set<String> agents = new LinkedHashSet<>();
            w.agents().forEach(a -> agents.add(a.personality().orElse(a.agent())));
            for (State s : w.states()) {
                long id = cardIn(w, s.id());
                for (String event : w.events()) {
                    if (!w.isLegal(s.id(), event)) {
                        read.add(refused(id, MoveRequest.byEvent(id, event, Actor.system()), Outcome.Refusal.ILLEGAL_MOVE,
                                "fire " + event + " from " + s.id()));
                    }
                }
                for (State to : w.states()) {
                    if (!w.canMove(s.id(), to.id())) {
                        read.add(refused(id, MoveRequest.toState(id, to.id(), Actor.system()), Outcome.Refusal.ILLEGAL_MOVE,
                                "move from " + s.id() + " to " + to.id()));
                    }
                }
                for (Transition t : w.transitionsFrom(s.id())) {
                    for (State to : w.states()) {
                        if (!to.id().equals(t.to())) {
                            MoveRequest wrong = new MoveRequest(id, t.event(), to.id(), Actor.system(), null, null, null);
                            read.add(refused(id, wrong, Outcome.Refusal.ILLEGAL_MOVE, "fire " + t.event() + " to " + to.id()));
                        }
                    }
                    List<Actor> actors = new ArrayList<>();
                    SOMEONE.values().forEach(m -> actors.add(m.asActor()));
                    agents.forEach(a -> actors.add(Actor.agent(a)));
                    actors.add(Actor.system());
                    for (Actor actor : actors) {
                        put(id, s.id());
                        Outcome o = store.service.move(MoveRequest.byEvent(id, t.event(), actor));
                        read.add(new Sentence(actor.name() + " fires " + t.event() + " from " + s.id(), o.message(),
                                o instanceof Outcome.Refused r && r.reason() != Outcome.Refusal.GUARD));
                    }
                    put(id, s.id());
                }
                // the same ids through the workflow itself, as the board's drop decision and the command line meet them
                for (State to : w.states()) {
                    if (w.moveTo(s.id(), to.id()) instanceof FireResult.Refused r) {
                        read.add(new Sentence("drop from " + s.id() + " on " + to.id(), r.message(), true));
                    }
                }
                read.add(new Sentence("options from " + s.id(), w.optionsFrom(s.id()), true));
            }
            assertThat(read).as("sentences collected").hasSizeGreaterThan(w.states().size());
            assertLabelsOnly(w, read);
        }));
    }

    /** The guards' and the permission requests' own refusals, as each card kind gives them with the data missing. */
    @TestFactory
    Stream<DynamicTest> everyGuardAndCardRefusalUsesLabels() {
        return store.workflows.all().stream().map(w -> DynamicTest.dynamicTest(w.id(), () -> {
            List<Sentence> read = new ArrayList<>();
            Card blank = CardKinds.newCard(w.id(), "Blank");
            if (blank instanceof PermissionRequest p) {
                PermissionRequest.STAFF_MEMBER.set(p, SOMEONE.get(Role.MANAGER));
            }
            for (String event : w.events()) {
                for (StaffMember m : SOMEONE.values()) {
                    for (List<String> open : List.of(List.<String>of(), List.of("Room set up", "Oils ordered"))) {
                        blank.guard(event, new GuardContext(m.asActor(), open))
                                .ifPresent(text -> read.add(new Sentence("guard of " + event + " for " + m.getUsername(), text, false)));
                    }
                    blank.refuseFire(event, m.asActor())
                            .ifPresent(text -> read.add(new Sentence(m.getUsername() + " fires " + event, text, false)));
                }
            }
            for (State s : w.states()) {
                for (StaffMember m : SOMEONE.values()) {
                    Optional<String> refused = blank.refuseChange(m.asActor(), s.id(), "someone-else", Set.copyOf(blank.allFields()));
                    refused.ifPresent(text -> read.add(new Sentence(m.getUsername() + " edits in " + s.id(), text, false)));
                }
            }
            assertLabelsOnly(w, read);
        }));
    }

    /** A column's limits and a move into a full column say the column's name. */
    @Test
    void limitsNameTheColumn() {
        Workflow w = store.workflows.get("WF-WELL-BOOK");
        Outcome set = store.limits.set(w.id(), "payment_pending", 1, true, Actor.system());
        assertThat(set.message()).isEqualTo("The hard limit of Payment pending is 1 cards.");
        long first = cardIn(w, "quote_provided");
        long second = cardIn(w, "quote_provided");
        store.service.edit(first, null, Actor.system(), (card, refs) ->
                network.higherself.console.card.Booking.QUOTE.set(card, java.math.BigDecimal.TEN));
        store.service.edit(second, null, Actor.system(), (card, refs) ->
                network.higherself.console.card.Booking.QUOTE.set(card, java.math.BigDecimal.TEN));
        Outcome moved = store.service.move(MoveRequest.toState(first, "payment_pending", Actor.system()));
        assertThat(moved.message()).isEqualTo("A booking moved from Quote provided to Payment pending "
                + "(by \u201cClient accepted quote\u201d).");
        Outcome full = store.service.move(MoveRequest.toState(second, "payment_pending", Actor.system()));
        assertThat(full.message()).isEqualTo(
                "Payment pending is at its limit of 1 cards: move a card out of it first, or raise the column's limit.");
        assertThat(store.limits.set(w.id(), "payment_pending", null, false, Actor.system()).message())
                .isEqualTo("The limit of Payment pending was removed.");
    }

    private static Sentence refused(long id, MoveRequest request, Outcome.Refusal expected, String how) {
        Outcome o = store.service.move(request);
        assertThat(o).as(how).isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reason()).as(how + ": " + r.message())
                .isEqualTo(expected));
        return new Sentence(how, o.message(), true);
    }

    /**
     * Fails on a raw id of {@code w} in any sentence; in the sentences the workflow and the pipeline word themselves
     * ({@code ours}), also on a one-word id written as an id (lower case, outside an event's quotation marks): a
     * column is named by its label ("Concept", not "concept").
     */
    private static void assertLabelsOnly(Workflow w, List<Sentence> read) {
        Set<String> ids = new LinkedHashSet<>(w.events());
        w.states().forEach(s -> ids.add(s.id()));
        List<String> leaks = new ArrayList<>();
        for (Sentence s : read) {
            Matcher m = SNAKE.matcher(s.text());
            while (m.find()) {
                if (ids.contains(m.group())) {
                    leaks.add(s.how() + ": '" + m.group() + "' in \"" + s.text() + "\"");
                }
            }
            if (s.ours()) {
                String outsideQuotes = QUOTED.matcher(s.text()).replaceAll("\u201c\u201d");
                for (String id : ids) {
                    if (!id.contains("_") && Pattern.compile("\\b" + id + "\\b").matcher(outsideQuotes).find()) {
                        leaks.add(s.how() + ": '" + id + "' in \"" + s.text() + "\"");
                    }
                }
            }
        }
        assertThat(leaks).as("raw ids in sentences a person reads (%d checked)", read.size()).isEmpty();
    }
}
