package network.higherself.console.card;

/** The kinds of Softr interface the business publishes. */
public enum PortalKind {
    CLIENT_PORTAL, ARTIST_DASHBOARD, WELLNESS_BOOKING, PUBLIC_PAGE
}
