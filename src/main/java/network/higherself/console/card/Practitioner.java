package network.higherself.console.card;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A wellness practitioner who delivers services. */
@Entity
@Table(name = "practitioner")
public class Practitioner extends Named {

    protected Practitioner() {
    }

    public Practitioner(String name) {
        super(name);
    }
}
