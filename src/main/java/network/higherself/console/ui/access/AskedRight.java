package network.higherself.console.ui.access;

import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A right on one board as the access form picks it (a board, what to do there, and for a move the event) and as the
 * review queue shows it: in people's words ("Move cards on Wellness bookings via “Payment received”"). What is stored
 * on the request is the scope the card service reads ({@code fire payment_received on WF-WELL-BOOK}, see
 * {@link network.higherself.console.staff.Scopes}); nobody types it.
 */
public record AskedRight(Workflow board, Kind kind, String event) {

    /** What a person may do on a board, as the form offers it. */
    public enum Kind {
        VIEW("View its cards", "view"),
        CREATE("Create cards", "create"),
        EDIT("Edit cards", "edit"),
        MOVE("Move cards via an event", "fire");

        private final String label;
        private final String verb;

        Kind(String label, String verb) {
            this.label = label;
            this.verb = verb;
        }

        public String label() {
            return label;
        }

        static Kind ofVerb(String verb) {
            for (Kind k : values()) {
                if (k.verb.equals(verb)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** The scope as the card service reads it. */
    public String scope() {
        return kind == Kind.MOVE ? "fire " + event + " on " + board.id() : kind.verb + " " + board.id();
    }

    /** The right in people's words. */
    public String words() {
        return switch (kind) {
            case VIEW -> "View " + board.board();
            case CREATE -> "Create cards on " + board.board();
            case EDIT -> "Edit cards on " + board.board();
            case MOVE -> "Move cards on " + board.board() + " via " + board.eventLabel(event);
        };
    }

    /**
     * The scopes stored on a request (one per line or comma), each in people's words, joined by "; ". A scope that
     * names no known board or event is shown as it was written (a request made before the pickers, or on the
     * command line).
     */
    public static String words(String scopes, WorkflowCatalog workflows) {
        if (scopes == null || scopes.isBlank()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String raw : scopes.split("[,\\n]")) {
            String scope = raw.strip();
            if (!scope.isEmpty()) {
                out.add(read(scope, workflows).map(AskedRight::words).orElse(scope));
            }
        }
        return String.join("; ", out);
    }

    private static java.util.Optional<AskedRight> read(String scope, WorkflowCatalog workflows) {
        String[] w = scope.split("\\s+");
        Kind kind = Kind.ofVerb(w[0].toLowerCase(Locale.ROOT));
        if (kind == null) {
            return java.util.Optional.empty();
        }
        boolean move = kind == Kind.MOVE && w.length == 4 && w[2].equalsIgnoreCase("on");
        if (!move && (kind == Kind.MOVE || w.length != 2)) {
            return java.util.Optional.empty();
        }
        String boardId = move ? w[3] : w[1];
        return workflows.find(boardId).filter(board -> !move || board.events().contains(w[1]))
                .map(board -> new AskedRight(board, kind, move ? w[1] : null));
    }

    /** An event as the form's event picker lists it: “Payment received” without the quotation marks. */
    public static String eventName(String event) {
        return event == null ? "" : Labels.humanize(event);
    }
}
