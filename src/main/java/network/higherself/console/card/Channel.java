package network.higherself.console.card;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A channel a campaign or content piece goes out on (newsletter, Instagram...). */
@Entity
@Table(name = "channel")
public class Channel extends Named {

    protected Channel() {
    }

    public Channel(String name) {
        super(name);
    }
}
