package network.higherself.console.sync;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's answer to one pushed event.
 *
 * @param status   what the server did with it
 * @param seq      the event's number in the server's order (accepted or duplicate), else 0
 * @param reason   why it was refused (refused only)
 * @param card     the server's copy of the card (conflict only): uid, workflow_id, state, version, data
 * @param last     the accepted event that changed the card last (conflict only), as the server logged it
 */
public record PushAnswer(Status status, long seq, String reason, JsonNode card, JsonNode last) {

    public enum Status {
        /** Appended to the server's log. */
        ACCEPTED,
        /** The same event was accepted before: a retried push. */
        DUPLICATE,
        /** The card is no longer where the event started from: someone else changed it first. */
        CONFLICT,
        /** Not legal on the server. */
        REFUSED
    }

    static PushAnswer of(JsonNode answer) {
        Status status = Status.valueOf(answer.path("status").asText("refused").toUpperCase(java.util.Locale.ROOT));
        return new PushAnswer(status, answer.path("seq").asLong(0), answer.path("reason").asText(null),
                answer.get("card"), answer.get("last"));
    }

    /** Whether the server has the event now (a retry of an accepted one included). */
    public boolean inLog() {
        return status == Status.ACCEPTED || status == Status.DUPLICATE;
    }
}
