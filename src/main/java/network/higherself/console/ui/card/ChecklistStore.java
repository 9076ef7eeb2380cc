package network.higherself.console.ui.card;

import network.higherself.console.agent.CardChecklist;
import network.higherself.console.agent.TaskService;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;

import java.util.Objects;
import java.util.Optional;

/**
 * The card form's way to a card's checklist (the agents' {@link TaskService}), for the background executor only:
 * read it as the person sees it, tick or untick a task as them.
 */
public interface ChecklistStore {

    /** The card's checklist as {@code actor} sees it; empty when the card has none. */
    Optional<CardChecklist> load(long cardId, Actor actor);

    /** Ticks ({@code done}) or unticks a task as {@code actor}; a refusal says why in a sentence. */
    Outcome tick(long taskId, boolean done, Actor actor);

    /** No checklists at all (a new card's form). */
    ChecklistStore NONE = new ChecklistStore() {
        @Override
        public Optional<CardChecklist> load(long cardId, Actor actor) {
            return Optional.empty();
        }

        @Override
        public Outcome tick(long taskId, boolean done, Actor actor) {
            return new Outcome.Refused(Outcome.Refusal.NOT_FOUND, "This card has no checklist.");
        }
    };

    /** The agents' checklists. */
    static ChecklistStore of(TaskService tasks) {
        Objects.requireNonNull(tasks);
        return new ChecklistStore() {
            @Override
            public Optional<CardChecklist> load(long cardId, Actor actor) {
                return tasks.checklistOf(cardId, actor);
            }

            @Override
            public Outcome tick(long taskId, boolean done, Actor actor) {
                return tasks.tick(taskId, done, actor);
            }
        };
    }
}
