package network.higherself.console.insight;

import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every workflow drawn: every state and transition, no box over another, every arrow from box to box. */
class DiagramLayoutTest {

    private static final double TOLERANCE = DiagramLayout.BORDER_TOLERANCE;

    static List<Workflow> workflows() {
        return WorkflowCatalog.bundled().all();
    }

    /** A different number of cards in each state, so that a count shown on the wrong box is seen. */
    private static Map<String, Long> counts(Workflow w) {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < w.states().size(); i++) {
            counts.put(w.states().get(i).id(), (long) (i * 7 + 1));
        }
        return counts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void everyStateIsOneBoxWithItsNameAgentAndCount(Workflow w) {
        WorkflowDiagram d = DiagramLayout.layout(w, counts(w), null, TextMeasure.helvetica());

        assertThat(d.states()).extracting(WorkflowDiagram.StateBox::stateId)
                .containsExactlyElementsOf(w.states().stream().map(State::id).toList());
        for (State s : w.states()) {
            WorkflowDiagram.StateBox box = d.state(s.id()).orElseThrow();
            assertThat(box.name().text()).isEqualTo(s.label());
            assertThat(box.count().text()).isEqualTo(String.valueOf(counts(w).get(s.id())));
            assertThat(box.cards()).isEqualTo(counts(w).get(s.id()));
            String agent = w.agentFor(s.id()).map(a -> a.displayName()).orElse("");
            assertThat(box.agentLine().map(WorkflowDiagram.Text::text).orElse("")).isEqualTo(agent);
            assertThat(box.initial()).as("%s initial", s.id()).isEqualTo(s.id().equals(w.initialState().id()));
            assertThat(box.last()).as("%s final", s.id()).isEqualTo(w.isFinal(s.id()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void everyTransitionIsOneArrowLabelledWithItsEvent(Workflow w) {
        WorkflowDiagram d = DiagramLayout.layout(w, Map.of(), null, TextMeasure.helvetica());

        assertThat(d.arrows()).extracting(WorkflowDiagram.Arrow::transition).containsExactlyElementsOf(w.transitions());
        for (WorkflowDiagram.Arrow a : d.arrows()) {
            assertThat(a.label()).isEqualTo(Labels.humanize(a.transition().event()));
            assertThat(a.text().text()).isEqualTo(a.label());
            assertThat(a.label()).doesNotContain("_");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void noTwoBoxesOverlapAndNoLabelLiesOnABox(Workflow w) {
        WorkflowDiagram d = DiagramLayout.layout(w, counts(w), null, TextMeasure.helvetica());

        List<WorkflowDiagram.StateBox> boxes = d.states();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).bounds().overlaps(boxes.get(j).bounds()))
                        .as("%s over %s", boxes.get(i).stateId(), boxes.get(j).stateId()).isFalse();
            }
            for (WorkflowDiagram.Arrow a : d.arrows()) {
                assertThat(a.labelBox().overlaps(boxes.get(i).bounds()))
                        .as("label %s over %s", a.label(), boxes.get(i).stateId()).isFalse();
            }
            assertThat(boxes.get(i).bounds().overlaps(d.start().dot())).isFalse();
        }
        for (int i = 0; i < d.arrows().size(); i++) {
            for (int j = i + 1; j < d.arrows().size(); j++) {
                assertThat(d.arrows().get(i).labelBox().overlaps(d.arrows().get(j).labelBox()))
                        .as("label %s over label %s", d.arrows().get(i).label(), d.arrows().get(j).label()).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void everyArrowRunsFromTheBorderOfItsStateToTheBorderOfTheNext(Workflow w) {
        WorkflowDiagram d = DiagramLayout.layout(w, Map.of(), null, TextMeasure.helvetica());

        for (WorkflowDiagram.Arrow a : d.arrows()) {
            Transition t = a.transition();
            assertThat(a.points()).as("%s has a route", t).hasSizeGreaterThanOrEqualTo(2);
            assertThat(d.state(t.from()).orElseThrow().bounds().hasOnBorder(a.first(), TOLERANCE))
                    .as("%s starts on %s's box: %s", t, t.from(), a.first()).isTrue();
            assertThat(d.state(t.to()).orElseThrow().bounds().hasOnBorder(a.last(), TOLERANCE))
                    .as("%s ends on %s's box: %s", t, t.to(), a.last()).isTrue();
            assertThat(a.head().get(0)).as("the head's tip is the route's end").isEqualTo(a.last());
            // no part of the route leaves the drawing
            for (WorkflowDiagram.Point p : a.points()) {
                assertThat(p.x()).isBetween(0.0, d.width());
                assertThat(p.y()).isBetween(0.0, d.height());
            }
        }
        WorkflowDiagram.Rect initial = d.state(w.initialState().id()).orElseThrow().bounds();
        assertThat(initial.hasOnBorder(d.start().points().get(d.start().points().size() - 1), TOLERANCE))
                .as("the start marker points at the initial state").isTrue();
        assertThat(d.start().dot().maxX()).as("the start is left of the initial state").isLessThanOrEqualTo(initial.x());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void aLoopIsTwoArrowsOnTwoRoutes(Workflow w) {
        WorkflowDiagram d = DiagramLayout.layout(w, Map.of(), null, TextMeasure.helvetica());

        for (WorkflowDiagram.Arrow a : d.arrows()) {
            Optional<WorkflowDiagram.Arrow> back = d.arrows().stream()
                    .filter(b -> b.transition().from().equals(a.transition().to()) && b.transition().to().equals(a.transition().from()))
                    .findFirst();
            back.ifPresent(b -> assertThat(b.points()).as("%s and %s", a.transition(), b.transition())
                    .isNotEqualTo(a.points()));
        }
    }

    @Test
    void theLoopsOfTheSeedAreDrawnBothWays() {
        WorkflowCatalog catalog = WorkflowCatalog.bundled();
        WorkflowDiagram content = DiagramLayout.layout(catalog.get("WF-CONT-CYCLE"), Map.of(), null, TextMeasure.helvetica());
        assertThat(content.arrows()).extracting(a -> a.transition().from() + ">" + a.transition().to())
                .contains("review>revision", "revision>review");
        WorkflowDiagram publishing = DiagramLayout.layout(catalog.get("WF-SFTR-PUB"), Map.of(), null, TextMeasure.helvetica());
        assertThat(publishing.arrows()).extracting(a -> a.transition().from() + ">" + a.transition().to())
                .contains("internal_review>revision", "revision>internal_review", "testing>revision");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void theSelectedCardsStateAndItsLegalNextEventsStandOut(Workflow w) {
        State middle = w.states().get(w.states().size() / 2);
        WorkflowDiagram d = DiagramLayout.layout(w, Map.of(), middle.id(), TextMeasure.helvetica());

        assertThat(d.currentState()).contains(middle.id());
        assertThat(d.states().stream().filter(WorkflowDiagram.StateBox::current).map(WorkflowDiagram.StateBox::stateId))
                .containsExactly(middle.id());
        assertThat(d.arrows().stream().filter(WorkflowDiagram.Arrow::next).map(WorkflowDiagram.Arrow::transition))
                .containsExactlyElementsOf(w.transitionsFrom(middle.id()));
    }

    @Test
    void withoutACardOrWithAStateTheWorkflowLacksNothingStandsOut() {
        Workflow w = WorkflowCatalog.bundled().get("WF-WELL-BOOK");
        for (String state : new String[]{null, "no_such_state"}) {
            WorkflowDiagram d = DiagramLayout.layout(w, Map.of(), state, TextMeasure.helvetica());
            assertThat(d.currentState()).isEmpty();
            assertThat(d.states()).noneMatch(WorkflowDiagram.StateBox::current);
            assertThat(d.arrows()).noneMatch(WorkflowDiagram.Arrow::next);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void eachBoxIsWideEnoughForItsText(Workflow w) {
        WorkflowDiagram d = DiagramLayout.layout(w, Map.of(w.initialState().id(), 12345L), null, TextMeasure.helvetica());

        for (WorkflowDiagram.StateBox s : d.states()) {
            WorkflowDiagram.Rect b = s.bounds();
            assertThat(s.name().x() + s.name().width()).as("%s's name", s.stateId()).isLessThanOrEqualTo(s.badge().x());
            assertThat(s.badge().maxX()).isLessThanOrEqualTo(b.maxX());
            assertThat(s.count().x() + s.count().width()).isLessThanOrEqualTo(s.badge().maxX());
            s.agentLine().ifPresent(a -> assertThat(a.x() + a.width()).as("%s's agent", s.stateId()).isLessThanOrEqualTo(b.maxX()));
            s.agentLine().ifPresent(a -> assertThat(a.baseline()).isLessThan(b.maxY()));
        }
        for (WorkflowDiagram.Arrow a : d.arrows()) {
            assertThat(a.text().x() + a.text().width()).as(a.label()).isLessThanOrEqualTo(a.labelBox().maxX());
        }
    }

    @Test
    void aLongWorkflowIsWrappedIntoRowsThatFitAScreenBetter() {
        Workflow w = WorkflowCatalog.bundled().get("WF-CONSULT"); // 14 states in a chain
        WorkflowDiagram d = DiagramLayout.layout(w, Map.of(), null, TextMeasure.helvetica());

        assertThat(d.width()).isLessThanOrEqualTo(DiagramLayout.MAX_ROW_WIDTH);
        long rows = d.states().stream().map(s -> Math.round(s.bounds().y() / 40)).collect(Collectors.toSet()).size();
        assertThat(rows).isGreaterThan(1);
    }

    @Test
    void anArrowThatMissesItsBoxMakesTheLayoutIncomplete() {
        Workflow w = WorkflowCatalog.bundled().get("WF-PERM-MGT");
        WorkflowDiagram d = DiagramLayout.layout(w, Map.of(), null, TextMeasure.helvetica());
        assertThat(DiagramLayout.isWhole(d)).isTrue();

        WorkflowDiagram.Arrow first = d.arrows().get(0);
        List<WorkflowDiagram.Arrow> arrows = new java.util.ArrayList<>(d.arrows());
        arrows.set(0, new WorkflowDiagram.Arrow(first.transition(), first.label(), List.of(), first.labelBox(), first.text(), false));
        WorkflowDiagram lost = new WorkflowDiagram(d.workflowId(), d.title(), d.width(), d.height(), d.states(), arrows,
                d.start(), d.currentState());
        assertThat(DiagramLayout.isWhole(lost)).isFalse();
    }
}
