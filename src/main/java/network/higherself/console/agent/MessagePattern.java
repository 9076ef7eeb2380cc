package network.higherself.console.agent;

import java.util.List;
import java.util.Objects;

/**
 * One authorized agent communication pattern (the registry's "Agent Communication Patterns"): {@code sender} may
 * send {@code type} messages to {@code receiver} about a card of {@code workflow}. When a card of that workflow
 * is moved by {@code onEvent}, the sender sends one. The payload must carry every field of {@code payload}
 * ({@code card_id}, the card it is about, always among them); {@code effect} is what the receiver does with an
 * approved message.
 */
public record MessagePattern(String type, String sender, String receiver, String workflow, String onEvent,
                             List<String> payload, String effect, String description) {

    /** The receiver records that it received the message, on the card it is about. */
    public static final String ACKNOWLEDGE = "acknowledge";
    /** The receiver (the Content Lifecycle Agent) also starts a content piece for the campaign the message is about. */
    public static final String CREATE_CONTENT_PIECE = "create_content_piece";
    public static final List<String> EFFECTS = List.of(ACKNOWLEDGE, CREATE_CONTENT_PIECE);

    public MessagePattern {
        Objects.requireNonNull(type);
        Objects.requireNonNull(sender);
        Objects.requireNonNull(receiver);
        payload = List.copyOf(payload);
        effect = effect == null ? ACKNOWLEDGE : effect;
        description = description == null ? "" : description;
    }

    /** Whether this pattern is {@code type} from {@code sender} to {@code receiver} (agent names in any case). */
    public boolean matches(String sender, String receiver, String type) {
        return this.type.equals(type) && this.sender.equalsIgnoreCase(sender) && this.receiver.equalsIgnoreCase(receiver);
    }

    /** "lead_handoff: Nyra → Solari". */
    @Override
    public String toString() {
        return type + ": " + sender + " \u2192 " + receiver;
    }
}
