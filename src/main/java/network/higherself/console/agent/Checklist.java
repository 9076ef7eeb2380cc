package network.higherself.console.agent;

import network.higherself.console.card.Booking;
import network.higherself.console.card.Card;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A checklist an agent makes for a card when it enters {@code state}: the agent responsible for that state makes
 * it, and while a required item is open the card may not leave by {@code blocksEvent}.
 */
public record Checklist(String workflowId, String state, String blocksEvent, List<Item> items) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    /** One item: its kind (unique on the card), its title made from the card, and whether it is required. */
    public record Item(String kind, Function<Card, String> title, boolean required) {
    }

    public Checklist {
        items = List.copyOf(items);
    }

    /** Ruvo's preparation checklist of a booking: room, practitioner, materials, client reminder. */
    public static final Checklist PREPARATION = new Checklist(Booking.WORKFLOW, "preparation", "service_started", List.of(
            new Item("room", c -> "Book the room" + forService(c), true),
            new Item("practitioner", c -> "Confirm " + booking(c).map(b -> Booking.PRACTITIONER.get(b) == null ? null
                    : Booking.PRACTITIONER.get(b).getName()).orElse("the practitioner"), true),
            new Item("materials", c -> "Prepare the materials" + forService(c), true),
            new Item("client_reminder", c -> "Remind " + booking(c).map(b -> Booking.CLIENT.get(b) == null ? null
                    : Booking.CLIENT.get(b).getName()).orElse("the client") + " of the appointment" + when(c), true)));
    // the date only where it is the task's point: the card says when the service is, four times would be noise

    /** The checklists the console's agents make. */
    public static final List<Checklist> STANDARD = List.of(PREPARATION);

    private static java.util.Optional<Booking> booking(Card c) {
        return c instanceof Booking b ? java.util.Optional.of(b) : java.util.Optional.empty();
    }

    private static String forService(Card c) {
        return booking(c).map(b -> Booking.SERVICE.get(b) == null ? null : " for " + Booking.SERVICE.get(b).getName()).orElse("");
    }

    private static String when(Card c) {
        return booking(c).map(b -> Booking.SERVICE_AT.get(b) == null ? null : " on " + WHEN.format(Booking.SERVICE_AT.get(b))).orElse("");
    }
}
