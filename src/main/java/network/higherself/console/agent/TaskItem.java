package network.higherself.console.agent;

import java.time.Instant;

/** A checklist task as a view shows it: what, whether required, and who ticked it when (or null while open). */
public record TaskItem(long id, long cardId, String kind, String title, boolean required, boolean done, String doneBy,
                       Instant doneAt, String createdBy, long version) {

    static TaskItem of(AgentTask t) {
        return new TaskItem(t.getId(), t.getCardId(), t.getKind(), t.getTitle(), t.isRequired(), t.isDone(), t.getDoneBy(),
                t.getDoneAt(), t.getCreatedBy(), t.getVersion());
    }
}
