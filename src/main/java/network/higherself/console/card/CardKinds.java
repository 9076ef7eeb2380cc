package network.higherself.console.card;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The card kind of each workflow, and how to make a new card of it. */
public final class CardKinds {

    private static final Map<String, Function<String, Card>> FACTORIES = Map.of(
            Exhibition.WORKFLOW, Exhibition::new,
            Booking.WORKFLOW, Booking::new,
            ConsultingProject.WORKFLOW, ConsultingProject::new,
            Campaign.WORKFLOW, Campaign::new,
            ContentPiece.WORKFLOW, ContentPiece::new,
            InterfaceRelease.WORKFLOW, InterfaceRelease::new,
            AgentMessage.WORKFLOW, AgentMessage::new,
            PermissionRequest.WORKFLOW, PermissionRequest::new);

    private CardKinds() {
    }

    /** Every entity class the store maps, cards and the things they relate to. */
    public static List<Class<?>> entityClasses() {
        return List.of(Card.class, Exhibition.class, Booking.class, ConsultingProject.class, Campaign.class,
                ContentPiece.class, InterfaceRelease.class, AgentMessage.class, PermissionRequest.class,
                Artist.class, Artwork.class, Client.class, WellnessService.class, Practitioner.class,
                AudienceSegment.class, Channel.class);
    }

    /** Every editable field of the workflow's card kind, the common ones first, in form order. */
    public static List<CardField> fields(String workflowId) {
        return newCard(workflowId, "").allFields();
    }

    /** A new, unsaved card of the workflow's kind with the given title. */
    public static Card newCard(String workflowId, String title) {
        Function<String, Card> f = FACTORIES.get(workflowId);
        if (f == null) {
            throw new IllegalArgumentException("There is no card kind for workflow '" + workflowId + "'.");
        }
        return f.apply(title);
    }
}
