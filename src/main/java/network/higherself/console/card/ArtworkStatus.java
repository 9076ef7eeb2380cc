package network.higherself.console.card;

/** Where one artwork stands in an exhibition. */
public enum ArtworkStatus {
    SUBMITTED, ACCEPTED, DECLINED, SOLD, RETURNED
}
