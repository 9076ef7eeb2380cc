package network.higherself.console.card;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An audience segment a campaign targets. */
@Entity
@Table(name = "audience_segment")
public class AudienceSegment extends Named {

    protected AudienceSegment() {
    }

    public AudienceSegment(String name) {
        super(name);
    }
}
