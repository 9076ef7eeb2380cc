package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An artist who shows work in the gallery. */
@Entity
@Table(name = "artist")
public class Artist extends Named {

    @Column(length = 200)
    private String email;

    protected Artist() {
    }

    public Artist(String name, String email) {
        super(name);
        this.email = email;
    }

    public String getEmail() {
        return email;
    }
}
