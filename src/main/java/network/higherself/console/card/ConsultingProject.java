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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A card of WF-CONSULT: a consulting project for a client organisation. */
@Entity
@DiscriminatorValue(ConsultingProject.WORKFLOW)
public class ConsultingProject extends Card {

    public static final String WORKFLOW = "WF-CONSULT";

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

    protected ConsultingProject() {
    }

    public ConsultingProject(String title) {
        setTitle(title);
    }

    @Override
    public String workflowId() {
        return WORKFLOW;
    }

    @Override
    public String kindLabel() {
        return "consulting project";
    }

    @Override
    public Optional<String> guard(String event, GuardContext context) {
        return switch (event) {
            case "terms_agreed" -> fee == null
                    ? Optional.of("A fee is needed before terms can be agreed: enter the agreed fee.") : Optional.empty();
            case "invoice_sent" -> invoiceNumber == null
                    ? Optional.of("An invoice number is needed before the invoice is sent: enter it first.") : Optional.empty();
            case "payment_received" -> {
                if (fee == null) {
                    yield Optional.of("The project has no fee, so no payment can be matched to it: enter the fee first.");
                }
                BigDecimal paid = amountPaid == null ? BigDecimal.ZERO : amountPaid;
                yield paid.compareTo(fee) < 0
                        ? Optional.of("The amount paid (" + paid.toPlainString() + ") does not cover the fee ("
                        + fee.toPlainString() + "): record the full payment first.")
                        : Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    /** The client, the work, the money and the paperwork, in form order. */
    public static final List<CardField> FIELDS = List.of(
            new CardField("client_organisation", "Client organisation", FieldType.TEXT, false, String.class,
                    c -> ((ConsultingProject) c).getClientOrganisation(),
                    (c, v) -> ((ConsultingProject) c).setClientOrganisation((String) v)),
            new CardField("contact_name", "Contact name", FieldType.TEXT, false, String.class,
                    c -> ((ConsultingProject) c).getContactName(),
                    (c, v) -> ((ConsultingProject) c).setContactName((String) v)),
            new CardField("contact_email", "Contact e-mail", FieldType.EMAIL, false, String.class,
                    c -> ((ConsultingProject) c).getContactEmail(),
                    (c, v) -> ((ConsultingProject) c).setContactEmail((String) v)),
            new CardField("scope", "Scope", FieldType.LONG_TEXT, false, String.class,
                    c -> ((ConsultingProject) c).getScope(), (c, v) -> ((ConsultingProject) c).setScope((String) v)),
            new CardField("fee", "Fee", FieldType.MONEY, false, BigDecimal.class,
                    c -> ((ConsultingProject) c).getFee(), (c, v) -> ((ConsultingProject) c).setFee((BigDecimal) v)),
            new CardField("milestones", "Milestones and review dates", FieldType.MILESTONES, false, Milestone.class,
                    c -> ((ConsultingProject) c).getMilestones(),
                    (c, v) -> ((ConsultingProject) c).setMilestones(elements("milestones", v, Milestone.class))),
            new CardField("invoice_number", "Invoice number", FieldType.TEXT, false, String.class,
                    c -> ((ConsultingProject) c).getInvoiceNumber(),
                    (c, v) -> ((ConsultingProject) c).setInvoiceNumber((String) v)),
            new CardField("amount_paid", "Amount paid", FieldType.MONEY, false, BigDecimal.class,
                    c -> ((ConsultingProject) c).getAmountPaid(),
                    (c, v) -> ((ConsultingProject) c).setAmountPaid((BigDecimal) v)));

    @Override
    public List<CardField> fields() {
        return FIELDS;
    }

    @Override
    public List<EventInput> inputsFor(String event) {
        return switch (event) {
            case "terms_agreed" -> List.of(EventInput.field("fee", "Agreed fee"));
            case "invoice_sent" -> List.of(EventInput.field("invoice_number", "Invoice number"));
            case "payment_received" -> List.of(EventInput.field("amount_paid", "Amount paid"));
            default -> List.of();
        };
    }

    @Override
    protected void validateFields(List<String> problems) {
        Checks.maxLength(problems, "Client organisation", clientOrganisation, 160);
        Checks.maxLength(problems, "Contact name", contactName, 120);
        Checks.email(problems, "Contact e-mail", contactEmail);
        Checks.maxLength(problems, "Scope", scope, 2000);
        Checks.notNegative(problems, "Fee", fee);
        Checks.notNegative(problems, "Amount paid", amountPaid);
        Checks.maxLength(problems, "Invoice number", invoiceNumber, 40);
        for (Milestone m : milestones) {
            if (m.name() == null || m.name().isBlank() || m.dueOn() == null) {
                problems.add("Every milestone needs a name and a date: fill both in or remove the row.");
            } else {
                Checks.maxLength(problems, "Milestone '" + m.name() + "'", m.name(), 120);
            }
        }
    }

    @Override
    protected void describeFields(Map<String, String> fields) {
        fields.put("client_organisation", Checks.show(clientOrganisation));
        fields.put("contact_name", Checks.show(contactName));
        fields.put("contact_email", Checks.show(contactEmail));
        fields.put("scope", Checks.show(scope));
        fields.put("fee", Checks.show(fee));
        fields.put("milestones", milestones.stream().map(Milestone::toString).collect(Collectors.joining("; ")));
        fields.put("invoice_number", Checks.show(invoiceNumber));
        fields.put("amount_paid", Checks.show(amountPaid));
    }

    public String getClientOrganisation() {
        return clientOrganisation;
    }

    public void setClientOrganisation(String clientOrganisation) {
        this.clientOrganisation = blankToNull(clientOrganisation);
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = blankToNull(contactName);
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = blankToNull(contactEmail);
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = blankToNull(scope);
    }

    public BigDecimal getFee() {
        return fee;
    }

    public void setFee(BigDecimal fee) {
        this.fee = fee;
    }

    public List<Milestone> getMilestones() {
        return Collections.unmodifiableList(milestones);
    }

    public void setMilestones(List<Milestone> milestones) {
        this.milestones.clear();
        this.milestones.addAll(milestones);
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public void setInvoiceNumber(String invoiceNumber) {
        this.invoiceNumber = blankToNull(invoiceNumber);
    }

    public BigDecimal getAmountPaid() {
        return amountPaid;
    }

    public void setAmountPaid(BigDecimal amountPaid) {
        this.amountPaid = amountPaid;
    }
}
