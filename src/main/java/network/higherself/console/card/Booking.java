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
import java.util.Optional;

import static network.higherself.console.card.FieldOption.searchable;
import static network.higherself.console.card.FieldType.DATE_TIME;
import static network.higherself.console.card.FieldType.LONG_TEXT;
import static network.higherself.console.card.FieldType.MONEY;
import static network.higherself.console.card.Face.show;

/** A card of WF-WELL-BOOK: a client's booking of a wellness service. */
@Entity
@DiscriminatorValue(Booking.WORKFLOW)
public class Booking extends Card {

    public static final String WORKFLOW = "WF-WELL-BOOK";

    private static final FieldList<Booking> FIELDS = new FieldList<>(Booking.class);
    // who, what, by whom, where and when, then the money and why it was canceled, in form order
    public static final CardField<Client> CLIENT = FIELDS.reference("client", "Client", Reference.CLIENT, b -> b.client,
            (b, v) -> b.client = v, searchable());
    public static final CardField<WellnessService> SERVICE = FIELDS.reference("service", "Service", Reference.SERVICE,
            b -> b.service, (b, v) -> b.service = v);
    public static final CardField<Practitioner> PRACTITIONER = FIELDS.reference("practitioner", "Practitioner",
            Reference.PRACTITIONER, b -> b.practitioner, (b, v) -> b.practitioner = v);
    public static final CardField<String> ROOM = FIELDS.text("room", "Room", b -> b.room, (b, v) -> b.room = v,
            searchable());
    public static final CardField<LocalDateTime> SERVICE_AT = FIELDS.value("service_at", "Service date and time",
            DATE_TIME, LocalDateTime.class, b -> b.serviceAt, (b, v) -> b.serviceAt = v);
    public static final CardField<BigDecimal> QUOTE = FIELDS.value("quote", "Quote", MONEY, BigDecimal.class,
            b -> b.quote, (b, v) -> b.quote = v);
    public static final CardField<LocalDateTime> PAYMENT_DEADLINE = FIELDS.value("payment_deadline", "Payment deadline",
            DATE_TIME, LocalDateTime.class, b -> b.paymentDeadline, (b, v) -> b.paymentDeadline = v);
    public static final CardField<BigDecimal> AMOUNT_PAID = FIELDS.value("amount_paid", "Amount paid", MONEY,
            BigDecimal.class, b -> b.amountPaid, (b, v) -> b.amountPaid = v);
    public static final CardField<String> CANCEL_REASON = FIELDS.value("cancel_reason", "Cancel reason", LONG_TEXT,
            String.class, b -> b.cancelReason, (b, v) -> b.cancelReason = v);

    static final CardKind KIND = new CardKind(WORKFLOW, "booking", Booking::new, FIELDS,
            Face.of(show(CLIENT), show(SERVICE), show(SERVICE_AT, Face::dayTime))).partyIn(CLIENT);

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "client_id")
    private Client client;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "service_id")
    private WellnessService service;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "practitioner_id")
    private Practitioner practitioner;

    @Column(length = 80)
    private String room;

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

    @Override
    public Optional<String> guard(String event, GuardContext context) {
        return switch (event) {
            case "consultation_completed" -> quote == null
                    ? Optional.of("A quote is needed when the consultation is completed: enter the quoted amount.")
                    : Optional.empty();
            case "client_accepted_quote" -> quote == null
                    ? Optional.of("A quote is needed before the client can accept it: enter the quoted amount first.")
                    : Optional.empty();
            case "payment_received" -> Checks.paymentCovers("booking", "quote", quote, amountPaid);
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

    @Override
    public List<EventInput> inputsFor(String event) {
        return switch (event) {
            case "consultation_completed" -> List.of(EventInput.field(QUOTE, "Quote for the client"));
            case "client_declined_quote" -> List.of(EventInput.field(CANCEL_REASON, "Why the client declined"));
            case "payment_received" -> List.of(EventInput.field(AMOUNT_PAID, "Amount paid"));
            default -> List.of();
        };
    }

    @Override
    protected void checkKind(List<FieldProblem> problems) {
        if (client != null) {
            client.validate().forEach(p -> problem(problems, CLIENT, p));
        }
        problem(problems, PAYMENT_DEADLINE, Checks.orderProblem("Payment deadline", paymentDeadline, "Service date", serviceAt));
    }
}
