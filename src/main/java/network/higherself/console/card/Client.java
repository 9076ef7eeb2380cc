package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** A wellness client. */
@Entity
@Table(name = "client")
public class Client extends Named {

    @Column(length = 200)
    private String email;

    @Column(length = 30)
    private String phone;

    protected Client() {
    }

    public Client(String name, String email, String phone) {
        super(name);
        this.email = email;
        this.phone = phone;
    }

    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        Checks.required(problems, "Client name", getName());
        Checks.maxLength(problems, "Client name", getName(), 120);
        Checks.email(problems, "Client e-mail", email);
        Checks.phone(problems, "Client phone", phone);
        return problems;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }
}
