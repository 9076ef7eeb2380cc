package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import java.util.List;
import java.util.Map;

/** A card of WF-AGT-COMM: one message from an agent to another. */
@Entity
@DiscriminatorValue(AgentMessage.WORKFLOW)
public class AgentMessage extends Card {

    public static final String WORKFLOW = "WF-AGT-COMM";

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

    protected AgentMessage() {
    }

    public AgentMessage(String title) {
        setTitle(title);
    }

    @Override
    public String workflowId() {
        return WORKFLOW;
    }

    @Override
    public String kindLabel() {
        return "agent message";
    }

    /** Who sends what to whom under which pattern, and why it was denied, in form order. */
    public static final List<CardField> FIELDS = List.of(
            new CardField("sending_agent", "Sending agent", FieldType.TEXT, true, String.class,
                    c -> ((AgentMessage) c).getSendingAgent(), (c, v) -> ((AgentMessage) c).setSendingAgent((String) v)),
            new CardField("receiving_agent", "Receiving agent", FieldType.TEXT, true, String.class,
                    c -> ((AgentMessage) c).getReceivingAgent(),
                    (c, v) -> ((AgentMessage) c).setReceivingAgent((String) v)),
            new CardField("pattern", "Pattern", FieldType.TEXT, false, String.class,
                    c -> ((AgentMessage) c).getPattern(), (c, v) -> ((AgentMessage) c).setPattern((String) v)),
            new CardField("payload_summary", "Payload summary", FieldType.LONG_TEXT, false, String.class,
                    c -> ((AgentMessage) c).getPayloadSummary(),
                    (c, v) -> ((AgentMessage) c).setPayloadSummary((String) v)),
            new CardField("denial_reason", "Denial reason", FieldType.LONG_TEXT, false, String.class,
                    c -> ((AgentMessage) c).getDenialReason(), (c, v) -> ((AgentMessage) c).setDenialReason((String) v)));

    @Override
    public List<CardField> fields() {
        return FIELDS;
    }

    @Override
    public List<EventInput> inputsFor(String event) {
        return switch (event) {
            case "pattern_not_authorized", "permission_denied", "validation_failed" ->
                    List.of(EventInput.field("denial_reason", "Why the message is denied"));
            default -> List.of();
        };
    }

    @Override
    protected void validateFields(List<String> problems) {
        Checks.required(problems, "Sending agent", sendingAgent);
        Checks.required(problems, "Receiving agent", receivingAgent);
        Checks.maxLength(problems, "Pattern", pattern, 60);
        Checks.maxLength(problems, "Payload summary", payloadSummary, 1000);
        Checks.maxLength(problems, "Denial reason", denialReason, 500);
    }

    @Override
    protected void describeFields(Map<String, String> fields) {
        fields.put("sending_agent", Checks.show(sendingAgent));
        fields.put("receiving_agent", Checks.show(receivingAgent));
        fields.put("pattern", Checks.show(pattern));
        fields.put("payload_summary", Checks.show(payloadSummary));
        fields.put("denial_reason", Checks.show(denialReason));
    }

    public String getSendingAgent() {
        return sendingAgent;
    }

    public void setSendingAgent(String sendingAgent) {
        this.sendingAgent = blankToNull(sendingAgent);
    }

    public String getReceivingAgent() {
        return receivingAgent;
    }

    public void setReceivingAgent(String receivingAgent) {
        this.receivingAgent = blankToNull(receivingAgent);
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = blankToNull(pattern);
    }

    public String getPayloadSummary() {
        return payloadSummary;
    }

    public void setPayloadSummary(String payloadSummary) {
        this.payloadSummary = blankToNull(payloadSummary);
    }

    public String getDenialReason() {
        return denialReason;
    }

    public void setDenialReason(String denialReason) {
        this.denialReason = blankToNull(denialReason);
    }
}
