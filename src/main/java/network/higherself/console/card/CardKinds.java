package network.higherself.console.card;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The card kind of each workflow, and how to make a new card of it. */
public final class CardKinds {

    private static final Map<String, CardKind> KINDS = new LinkedHashMap<>();
    private static final ClassValue<CardKind> OF_CLASS = new ClassValue<>() {
        @Override
        protected CardKind computeValue(Class<?> type) {
            for (Class<?> t = type; t != null; t = t.getSuperclass()) {
                for (CardKind k : KINDS.values()) {
                    if (k.type() == t) {
                        return k;
                    }
                }
            }
            throw new IllegalArgumentException(type.getName() + " is no card kind");
        }
    };

    static {
        for (CardKind k : List.of(Exhibition.KIND, Booking.KIND, ConsultingProject.KIND, Campaign.KIND, ContentPiece.KIND,
                InterfaceRelease.KIND, AgentMessage.KIND, PermissionRequest.KIND)) {
            KINDS.put(k.workflowId(), k);
        }
    }

    private CardKinds() {
    }

    /** Every entity class the store maps, cards and the things they relate to. */
    public static List<Class<?>> entityClasses() {
        return List.of(Card.class, Exhibition.class, Booking.class, ConsultingProject.class, Campaign.class,
                ContentPiece.class, InterfaceRelease.class, AgentMessage.class, PermissionRequest.class,
                Artist.class, Artwork.class, Client.class, WellnessService.class, Practitioner.class,
                AudienceSegment.class, Channel.class);
    }

    /** Every kind, one per workflow. */
    public static List<CardKind> all() {
        return List.copyOf(KINDS.values());
    }

    /** The card kind of the workflow's board. */
    public static CardKind of(String workflowId) {
        CardKind k = KINDS.get(workflowId);
        if (k == null) {
            throw new IllegalArgumentException("There is no card kind for workflow '" + workflowId + "'.");
        }
        return k;
    }

    /** The kind of the card class (or of a subclass of it, e.g. a lazy proxy). */
    public static CardKind of(Class<?> cardClass) {
        return OF_CLASS.get(cardClass);
    }

    /** Every editable field of the workflow's card kind, the common ones first, in form order. */
    public static List<CardField<?>> fields(String workflowId) {
        return of(workflowId).allFields();
    }

    /** A new, unsaved card of the workflow's kind with the given title. */
    public static Card newCard(String workflowId, String title) {
        return of(workflowId).newCard(title);
    }
}
