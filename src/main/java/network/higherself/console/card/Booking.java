package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A card of WF-WELL-BOOK: a client's booking of a wellness service. */
@Entity
@DiscriminatorValue(Booking.WORKFLOW)
public class Booking extends Card {

    public static final String WORKFLOW = "WF-WELL-BOOK";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "client_id")
    private Client client;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "service_id")
    private WellnessService service;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "practitioner_id")
    private Practitioner practitioner;

    @Column(name = "service_at")
    private LocalDateTime serviceAt;

    @Column(precision = 12, scale = 2)
    private BigDecimal quote;

    @Column(name = "payment_deadline")
    private LocalDateTime paymentDeadline;

    @Column(name = "amount_paid", precision = 12, scale = 2)
    private BigDecimal amountPaid;

    @Column(name = "cancel_reason", length = 500)
    private String cancelReason;

    protected Booking() {
    }

    public Booking(String title) {
        setTitle(title);
    }

    @Override
    public String workflowId() {
        return WORKFLOW;
    }

    @Override
    public String kindLabel() {
        return "booking";
    }

    @Override
    public Optional<String> guard(String event, GuardContext context) {
        return switch (event) {
            case "consultation_completed" -> quote == null
                    ? Optional.of("A quote is needed when the consultation is completed: enter the quoted amount.")
                    : Optional.empty();
            case "client_accepted_quote" -> quote == null
                    ? Optional.of("A quote is needed before the client can accept it: enter the quoted amount first.")
                    : Optional.empty();
            case "payment_received" -> {
                if (quote == null) {
                    yield Optional.of("The booking has no quote, so no payment can be matched to it: enter the quote first.");
                }
                BigDecimal paid = amountPaid == null ? BigDecimal.ZERO : amountPaid;
                yield paid.compareTo(quote) < 0
                        ? Optional.of("The amount paid (" + paid.toPlainString() + ") does not cover the quote ("
                        + quote.toPlainString() + "): record the full payment first.")
                        : Optional.empty();
            }
            case "approaching_service_date" -> serviceAt == null
                    ? Optional.of("The booking has no service date: set one first.") : Optional.empty();
            case "payment_timeout" -> paymentDeadline == null
                    ? Optional.of("The booking has no payment deadline, so it cannot time out.") : Optional.empty();
            case "service_started" -> context.openTasks().isEmpty() ? Optional.empty()
                    : Optional.of("Preparation is not finished: " + String.join(", ", context.openTasks())
                    + (context.openTasks().size() == 1 ? " is" : " are") + " still open. Tick "
                    + (context.openTasks().size() == 1 ? "it" : "them") + " on the booking's checklist first.");
            default -> Optional.empty();
        };
    }

    /** Who, what, by whom and when, then the money and why it was canceled, in form order. */
    public static final List<CardField> FIELDS = List.of(
            new CardField("client", "Client", FieldType.REFERENCE, false, Client.class,
                    c -> ((Booking) c).getClient(), (c, v) -> ((Booking) c).setClient((Client) v)),
            new CardField("service", "Service", FieldType.REFERENCE, false, WellnessService.class,
                    c -> ((Booking) c).getService(), (c, v) -> ((Booking) c).setService((WellnessService) v)),
            new CardField("practitioner", "Practitioner", FieldType.REFERENCE, false, Practitioner.class,
                    c -> ((Booking) c).getPractitioner(), (c, v) -> ((Booking) c).setPractitioner((Practitioner) v)),
            new CardField("service_at", "Service date and time", FieldType.DATE_TIME, false, LocalDateTime.class,
                    c -> ((Booking) c).getServiceAt(), (c, v) -> ((Booking) c).setServiceAt((LocalDateTime) v)),
            new CardField("quote", "Quote", FieldType.MONEY, false, BigDecimal.class,
                    c -> ((Booking) c).getQuote(), (c, v) -> ((Booking) c).setQuote((BigDecimal) v)),
            new CardField("payment_deadline", "Payment deadline", FieldType.DATE_TIME, false, LocalDateTime.class,
                    c -> ((Booking) c).getPaymentDeadline(),
                    (c, v) -> ((Booking) c).setPaymentDeadline((LocalDateTime) v)),
            new CardField("amount_paid", "Amount paid", FieldType.MONEY, false, BigDecimal.class,
                    c -> ((Booking) c).getAmountPaid(), (c, v) -> ((Booking) c).setAmountPaid((BigDecimal) v)),
            new CardField("cancel_reason", "Cancel reason", FieldType.LONG_TEXT, false, String.class,
                    c -> ((Booking) c).getCancelReason(), (c, v) -> ((Booking) c).setCancelReason((String) v)));

    @Override
    public List<CardField> fields() {
        return FIELDS;
    }

    @Override
    public List<EventInput> inputsFor(String event) {
        return switch (event) {
            case "consultation_completed" -> List.of(EventInput.field("quote", "Quote for the client"));
            case "client_declined_quote" -> List.of(EventInput.field("cancel_reason", "Why the client declined"));
            case "payment_received" -> List.of(EventInput.field("amount_paid", "Amount paid"));
            default -> List.of();
        };
    }

    @Override
    protected void validateFields(List<String> problems) {
        if (client != null) {
            problems.addAll(client.validate());
        }
        Checks.notNegative(problems, "Quote", quote);
        Checks.notNegative(problems, "Amount paid", amountPaid);
        Checks.inOrder(problems, "Payment deadline", paymentDeadline, "Service date", serviceAt);
        Checks.maxLength(problems, "Cancel reason", cancelReason, 500);
    }

    @Override
    protected void describeFields(Map<String, String> fields) {
        fields.put("client", client == null ? "" : client.getName());
        fields.put("service", Checks.show(service));
        fields.put("practitioner", Checks.show(practitioner));
        fields.put("service_at", Checks.show(serviceAt));
        fields.put("quote", Checks.show(quote));
        fields.put("payment_deadline", Checks.show(paymentDeadline));
        fields.put("amount_paid", Checks.show(amountPaid));
        fields.put("cancel_reason", Checks.show(cancelReason));
    }

    public Client getClient() {
        return client;
    }

    public void setClient(Client client) {
        this.client = client;
    }

    public WellnessService getService() {
        return service;
    }

    public void setService(WellnessService service) {
        this.service = service;
    }

    public Practitioner getPractitioner() {
        return practitioner;
    }

    public void setPractitioner(Practitioner practitioner) {
        this.practitioner = practitioner;
    }

    public LocalDateTime getServiceAt() {
        return serviceAt;
    }

    public void setServiceAt(LocalDateTime serviceAt) {
        this.serviceAt = serviceAt;
    }

    public BigDecimal getQuote() {
        return quote;
    }

    public void setQuote(BigDecimal quote) {
        this.quote = quote;
    }

    public LocalDateTime getPaymentDeadline() {
        return paymentDeadline;
    }

    public void setPaymentDeadline(LocalDateTime paymentDeadline) {
        this.paymentDeadline = paymentDeadline;
    }

    public BigDecimal getAmountPaid() {
        return amountPaid;
    }

    public void setAmountPaid(BigDecimal amountPaid) {
        this.amountPaid = amountPaid;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = blankToNull(cancelReason);
    }
}
