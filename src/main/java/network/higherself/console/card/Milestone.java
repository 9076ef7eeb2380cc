package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;

/** A milestone or review date of a consulting project. */
@Embeddable
public record Milestone(@Column(name = "name", nullable = false, length = 120) String name,
                        @Column(name = "due_on", nullable = false) LocalDate dueOn) {

    @Override
    public String toString() {
        return name + " " + dueOn;
    }
}
