package network.higherself.console.workflow;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks every workflow exhaustively against the seed's transitions. */
class WorkflowEngineTest {

    private static final WorkflowCatalog CATALOG = WorkflowCatalog.bundled();

    @TestFactory
    Stream<DynamicTest> everySeedTransitionIsLegalAndEverythingElseIsRefused() {
        return SeedDocument.read().values().stream().map(seed -> DynamicTest.dynamicTest(seed.id(), () -> {
            Workflow w = CATALOG.get(seed.id());
            Set<Transition> legal = new HashSet<>(seed.transitions());
            Set<String> allEvents = new HashSet<>();
            // events of every workflow, so that an event borrowed from another board is refused too
            CATALOG.all().forEach(other -> allEvents.addAll(other.events()));
            allEvents.add("no_such_event");

            for (State from : seed.states()) {
                for (State to : seed.states()) {
                    Set<String> seedEvents = legal.stream()
                            .filter(t -> t.from().equals(from.id()) && t.to().equals(to.id()))
                            .map(Transition::event).collect(Collectors.toSet());
                    assertThat(w.canMove(from.id(), to.id())).as("%s -> %s", from.id(), to.id()).isEqualTo(!seedEvents.isEmpty());
                    assertThat(w.transitionsBetween(from.id(), to.id())).extracting(Transition::event)
                            .containsExactlyInAnyOrderElementsOf(seedEvents);
                    FireResult move = w.moveTo(from.id(), to.id());
                    if (seedEvents.size() == 1) {
                        assertThat(move).isEqualTo(new FireResult.Fired(new Transition(from.id(), to.id(), seedEvents.iterator().next())));
                    } else {
                        assertThat(move.isFired()).as("move %s -> %s", from.id(), to.id()).isFalse();
                    }
                }
                for (String event : allEvents) {
                    Transition expected = legal.stream()
                            .filter(t -> t.from().equals(from.id()) && t.event().equals(event)).findFirst().orElse(null);
                    FireResult result = w.fire(from.id(), event);
                    assertThat(w.isLegal(from.id(), event)).as("%s in %s", event, from.id()).isEqualTo(expected != null);
                    if (expected != null) {
                        assertThat(result).isEqualTo(new FireResult.Fired(expected));
                    } else {
                        assertThat(result).as("%s in %s", event, from.id()).isInstanceOf(FireResult.Refused.class);
                        assertThat(((FireResult.Refused) result).message()).isNotBlank();
                    }
                }
                Set<String> targets = legal.stream().filter(t -> t.from().equals(from.id())).map(Transition::to)
                        .collect(Collectors.toSet());
                assertThat(w.targetsFrom(from.id())).extracting(State::id).containsExactlyInAnyOrderElementsOf(targets);
            }
        }));
    }

    @Test
    void aRefusalSaysWhereTheCardCanGoInstead() {
        Workflow booking = CATALOG.get("WF-WELL-BOOK");
        FireResult result = booking.fire("quote_provided", "payment_received");
        assertThat(result).isInstanceOfSatisfying(FireResult.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(FireResult.Reason.ILLEGAL_EVENT);
            assertThat(r.message()).isEqualTo("\u201cPayment received\u201d cannot be fired from Quote provided. "
                    + "A booking in Quote provided can go to Payment pending (by \u201cClient accepted quote\u201d) or Canceled (by \u201cClient declined quote\u201d).");
        });
    }

    @Test
    void unknownEventsStatesAndFinalStatesAreNamedAsSuch() {
        Workflow gallery = CATALOG.get("WF-GALLERY-EXH");
        assertThat(reason(gallery.fire("concept", "teleport"))).isEqualTo(FireResult.Reason.UNKNOWN_EVENT);
        assertThat(message(gallery.fire("concept", "teleport"))).startsWith("\u201cTeleport\u201d is not an event of Gallery exhibits.");
        assertThat(reason(gallery.fire("nowhere", "concept_approved"))).isEqualTo(FireResult.Reason.UNKNOWN_STATE);
        assertThat(reason(gallery.fire("archived", "concept_approved"))).isEqualTo(FireResult.Reason.FINAL_STATE);
        assertThat(message(gallery.fire("archived", "concept_approved")))
                .isEqualTo("An exhibition in Archived is finished: nothing leads out of Archived.");
        assertThat(message(gallery.moveTo("concept", "active")))
                .isEqualTo("No event leads from Concept to Active. An exhibition in Concept can go to Artist selection (by "
                        + "\u201cConcept approved\u201d).");
    }

    @Test
    void severalEventsToOneStateMustBeChosenByName() {
        Workflow w = new WorkflowLoader().load("two-ways.json", getClass().getResourceAsStream("/definitions/valid/two-ways.json"))
                .workflow().orElseThrow();
        FireResult move = w.moveTo("open", "closed");
        assertThat(reason(move)).isEqualTo(FireResult.Reason.AMBIGUOUS);
        assertThat(message(move)).isEqualTo("Several events lead from Open to Closed: say which one, \u201cResolved\u201d or \u201cWithdrawn\u201d.");
        assertThat(w.fire("open", "withdrawn")).isEqualTo(new FireResult.Fired(new Transition("open", "closed", "withdrawn")));
        assertThat(w.targetsFrom("open")).extracting(State::id).containsExactly("closed");
    }

    @Test
    void theInitialStateIsTheFirstAndSoftrPublishingNeverEnds() {
        assertThat(CATALOG.get("WF-WELL-BOOK").initialState().id()).isEqualTo("inquiry");
        assertThat(CATALOG.get("WF-SFTR-PUB").finalStates()).isEmpty();
        assertThat(CATALOG.get("WF-AGT-COMM").finalStates())
                .containsExactlyInAnyOrder("communication_denied", "communication_completed", "error_state");
        assertThat(CATALOG.all()).extracting(Workflow::board).containsExactly("Gallery exhibits", "Wellness bookings",
                "Consulting projects", "Marketing campaigns", "Content", "Interface publishing", "Agent communications",
                "Staff permissions");
        assertThat(List.copyOf(CATALOG.get("WF-CONSULT").events())).contains("terms_agreed", "invoice_sent");
    }

    private static FireResult.Reason reason(FireResult r) {
        return ((FireResult.Refused) r).reason();
    }

    private static String message(FireResult r) {
        return ((FireResult.Refused) r).message();
    }
}
