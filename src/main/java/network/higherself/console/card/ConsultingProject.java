package network.higherself.console.card;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static network.higherself.console.card.FieldOption.searchable;
import static network.higherself.console.card.FieldType.EMAIL;
import static network.higherself.console.card.FieldType.LONG_TEXT;
import static network.higherself.console.card.FieldType.MONEY;
import static network.higherself.console.card.Face.show;

/** A card of WF-CONSULT: a consulting project for a client organisation. */
@Entity
@DiscriminatorValue(ConsultingProject.WORKFLOW)
public class ConsultingProject extends Card {

    public static final String WORKFLOW = "WF-CONSULT";

    private static final FieldList<ConsultingProject> FIELDS = new FieldList<>(ConsultingProject.class);
    // the client, the work, the money and the paperwork, in form order
    public static final CardField<String> CLIENT_ORGANISATION = FIELDS.text("client_organisation",
            "Client organisation", p -> p.clientOrganisation, (p, v) -> p.clientOrganisation = v, searchable());
    public static final CardField<String> CONTACT_NAME = FIELDS.text("contact_name", "Contact name", p -> p.contactName,
            (p, v) -> p.contactName = v, searchable());
    public static final CardField<String> CONTACT_EMAIL = FIELDS.value("contact_email", "Contact e-mail", EMAIL,
            String.class, p -> p.contactEmail, (p, v) -> p.contactEmail = v);
    public static final CardField<String> SCOPE = FIELDS.value("scope", "Scope", LONG_TEXT, String.class, p -> p.scope,
            (p, v) -> p.scope = v);
    public static final CardField<BigDecimal> FEE = FIELDS.value("fee", "Fee", MONEY, BigDecimal.class, p -> p.fee,
            (p, v) -> p.fee = v);
    public static final CardField<List<Milestone>> MILESTONES = FIELDS.milestones("milestones",
            "Milestones and review dates", p -> List.copyOf(p.milestones), (p, v) -> replaceAll(p.milestones, v));
    public static final CardField<String> INVOICE_NUMBER = FIELDS.text("invoice_number", "Invoice number",
            p -> p.invoiceNumber, (p, v) -> p.invoiceNumber = v, searchable());
    public static final CardField<BigDecimal> AMOUNT_PAID = FIELDS.value("amount_paid", "Amount paid", MONEY,
            BigDecimal.class, p -> p.amountPaid, (p, v) -> p.amountPaid = v);

    static final CardKind KIND = new CardKind(WORKFLOW, "consulting project", ConsultingProject::new, FIELDS,
            Face.of(show(CLIENT_ORGANISATION), show(FEE, m -> "fee " + Face.pounds(m)))).partyIn(CLIENT_ORGANISATION);

    @Column(name = "client_organisation", length = 160)
    private String clientOrganisation;

    @Column(name = "contact_name", length = 120)
    private String contactName;

    @Column(name = "contact_email", length = 200)
    private String contactEmail;

    @Column(length = 2000)
    private String scope;

    @Column(precision = 12, scale = 2)
    private BigDecimal fee;

    @ElementCollection
    @CollectionTable(name = "milestone", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "idx")
    private List<Milestone> milestones = new ArrayList<>();

    @Column(name = "invoice_number", length = 40)
    private String invoiceNumber;

    @Column(name = "amount_paid", precision = 12, scale = 2)
    private BigDecimal amountPaid;

    @Override
    public Optional<String> guard(String event, GuardContext context) {
        return switch (event) {
            case "terms_agreed" -> fee == null
                    ? Optional.of("A fee is needed before terms can be agreed: enter the agreed fee.") : Optional.empty();
            case "invoice_sent" -> invoiceNumber == null
                    ? Optional.of("An invoice number is needed before the invoice is sent: enter it first.") : Optional.empty();
            case "payment_received" -> Checks.paymentCovers("project", "fee", fee, amountPaid);
            default -> Optional.empty();
        };
    }

    @Override
    public List<EventInput> inputsFor(String event) {
        return switch (event) {
            case "terms_agreed" -> List.of(EventInput.field(FEE, "Agreed fee"));
            case "invoice_sent" -> List.of(EventInput.field(INVOICE_NUMBER, "Invoice number"));
            case "payment_received" -> List.of(EventInput.field(AMOUNT_PAID, "Amount paid"));
            default -> List.of();
        };
    }

    @Override
    protected void checkKind(List<FieldProblem> problems) {
        for (Milestone m : milestones) {
            if (m.name() == null || m.name().isBlank() || m.dueOn() == null) {
                problem(problems, MILESTONES, "Every milestone needs a name and a date: fill both in or remove the row.");
            } else {
                problem(problems, MILESTONES, Checks.lengthProblem("Milestone '" + m.name() + "'", m.name(), 120));
            }
        }
    }
}
