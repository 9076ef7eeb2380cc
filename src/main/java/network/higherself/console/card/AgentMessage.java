package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import java.util.List;

import static network.higherself.console.card.FieldOption.required;
import static network.higherself.console.card.FieldOption.searchable;
import static network.higherself.console.card.FieldType.LONG_TEXT;
import static network.higherself.console.card.Face.show;

/** A card of WF-AGT-COMM: one message from an agent to another. */
@Entity
@DiscriminatorValue(AgentMessage.WORKFLOW)
public class AgentMessage extends Card {

    public static final String WORKFLOW = "WF-AGT-COMM";

    private static final FieldList<AgentMessage> FIELDS = new FieldList<>(AgentMessage.class);
    // who sends what to whom under which pattern, and why it was denied, in form order
    public static final CardField<String> SENDING_AGENT = FIELDS.text("sending_agent", "Sending agent",
            m -> m.sendingAgent, (m, v) -> m.sendingAgent = v, required(), searchable());
    public static final CardField<String> RECEIVING_AGENT = FIELDS.text("receiving_agent", "Receiving agent",
            m -> m.receivingAgent, (m, v) -> m.receivingAgent = v, required(), searchable());
    public static final CardField<String> PATTERN = FIELDS.text("pattern", "Pattern", m -> m.pattern,
            (m, v) -> m.pattern = v);
    public static final CardField<String> PAYLOAD_SUMMARY = FIELDS.value("payload_summary", "Payload summary",
            LONG_TEXT, String.class, m -> m.payloadSummary, (m, v) -> m.payloadSummary = v);
    public static final CardField<String> DENIAL_REASON = FIELDS.value("denial_reason", "Denial reason", LONG_TEXT,
            String.class, m -> m.denialReason, (m, v) -> m.denialReason = v);

    static final CardKind KIND = new CardKind(WORKFLOW, "agent message", AgentMessage::new, FIELDS, Face.of(
            show(SENDING_AGENT, RECEIVING_AGENT, (from, to) -> from == null && to == null ? null : from + " \u2192 " + to),
            show(PATTERN))).problemIn(DENIAL_REASON);

    @Column(name = "sending_agent", length = 60)
    private String sendingAgent;

    @Column(name = "receiving_agent", length = 60)
    private String receivingAgent;

    @Column(length = 60)
    private String pattern;

    @Column(name = "payload_summary", length = 1000)
    private String payloadSummary;

    @Column(name = "denial_reason", length = 500)
    private String denialReason;

    @Override
    public List<EventInput> inputsFor(String event) {
        return switch (event) {
            case "pattern_not_authorized", "permission_denied", "validation_failed" ->
                    List.of(EventInput.field(DENIAL_REASON, "Why the message is denied"));
            default -> List.of();
        };
    }
}
