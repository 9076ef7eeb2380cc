package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.List;

import static network.higherself.console.card.FieldOption.column;
import static network.higherself.console.card.FieldOption.searchable;
import static network.higherself.console.card.FieldType.LONG_TEXT;
import static network.higherself.console.card.FieldType.URL;
import static network.higherself.console.card.Face.show;

/** A card of WF-SFTR-PUB: one release of a Softr interface. */
@Entity
@DiscriminatorValue(InterfaceRelease.WORKFLOW)
public class InterfaceRelease extends Card {

    public static final String WORKFLOW = "WF-SFTR-PUB";

    private static final FieldList<InterfaceRelease> FIELDS = new FieldList<>(InterfaceRelease.class);
    // what is published for whom, where, which version, and what reviewers said, in form order
    public static final CardField<PortalKind> PORTAL_KIND = FIELDS.choice("portal_kind", "Portal kind",
            PortalKind.class, r -> r.portalKind, (r, v) -> r.portalKind = v);
    public static final CardField<String> CLIENT = FIELDS.text("client", "Client", r -> r.clientName,
            (r, v) -> r.clientName = v, column("client_name"), searchable());
    public static final CardField<String> APP_ADDRESS = FIELDS.value("app_address", "Softr app address", URL,
            String.class, r -> r.appAddress, (r, v) -> r.appAddress = v);
    public static final CardField<String> VERSION = FIELDS.text("version", "Version", r -> r.releaseVersion,
            (r, v) -> r.releaseVersion = v, column("release_version"));
    public static final CardField<String> REVIEWER_NOTES = FIELDS.value("reviewer_notes", "Reviewer notes", LONG_TEXT,
            String.class, r -> r.reviewerNotes, (r, v) -> r.reviewerNotes = v);

    static final CardKind KIND = new CardKind(WORKFLOW, "interface release", InterfaceRelease::new, FIELDS,
            Face.of(show(CLIENT), show(PORTAL_KIND, Face::words), show(VERSION, v -> "v" + v))).partyIn(CLIENT);

    @Enumerated(EnumType.STRING)
    @Column(name = "portal_kind", length = 20)
    private PortalKind portalKind;

    @Column(name = "client_name", length = 120)
    private String clientName;

    @Column(name = "app_address", length = 300)
    private String appAddress;

    @Column(name = "release_version", length = 30)
    private String releaseVersion;

    @Column(name = "reviewer_notes", length = 2000)
    private String reviewerNotes;

    @Override
    public List<EventInput> inputsFor(String event) {
        return switch (event) {
            case "changes_requested", "client_changes_requested" ->
                    List.of(EventInput.field(REVIEWER_NOTES, "What should change (reviewer notes)"));
            case "test_failures" -> List.of(EventInput.field(REVIEWER_NOTES, "What failed (reviewer notes)"));
            default -> List.of();
        };
    }
}
