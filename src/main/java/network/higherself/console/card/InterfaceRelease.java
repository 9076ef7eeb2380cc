package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.List;
import java.util.Map;

/** A card of WF-SFTR-PUB: one release of a Softr interface. */
@Entity
@DiscriminatorValue(InterfaceRelease.WORKFLOW)
public class InterfaceRelease extends Card {

    public static final String WORKFLOW = "WF-SFTR-PUB";

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

    protected InterfaceRelease() {
    }

    public InterfaceRelease(String title) {
        setTitle(title);
    }

    @Override
    public String workflowId() {
        return WORKFLOW;
    }

    @Override
    public String kindLabel() {
        return "interface release";
    }

    /** What is published for whom, where, which version, and what reviewers said, in form order. */
    public static final List<CardField> FIELDS = List.of(
            new CardField("portal_kind", "Portal kind", FieldType.CHOICE, false, PortalKind.class,
                    c -> ((InterfaceRelease) c).getPortalKind(),
                    (c, v) -> ((InterfaceRelease) c).setPortalKind((PortalKind) v)),
            new CardField("client", "Client", FieldType.TEXT, false, String.class,
                    c -> ((InterfaceRelease) c).getClientName(),
                    (c, v) -> ((InterfaceRelease) c).setClientName((String) v)),
            new CardField("app_address", "Softr app address", FieldType.URL, false, String.class,
                    c -> ((InterfaceRelease) c).getAppAddress(),
                    (c, v) -> ((InterfaceRelease) c).setAppAddress((String) v)),
            new CardField("version", "Version", FieldType.TEXT, false, String.class,
                    c -> ((InterfaceRelease) c).getReleaseVersion(),
                    (c, v) -> ((InterfaceRelease) c).setReleaseVersion((String) v)),
            new CardField("reviewer_notes", "Reviewer notes", FieldType.LONG_TEXT, false, String.class,
                    c -> ((InterfaceRelease) c).getReviewerNotes(),
                    (c, v) -> ((InterfaceRelease) c).setReviewerNotes((String) v)));

    @Override
    public List<CardField> fields() {
        return FIELDS;
    }

    @Override
    public List<EventInput> inputsFor(String event) {
        return switch (event) {
            case "changes_requested", "client_changes_requested" ->
                    List.of(EventInput.field("reviewer_notes", "What should change (reviewer notes)"));
            case "test_failures" -> List.of(EventInput.field("reviewer_notes", "What failed (reviewer notes)"));
            default -> List.of();
        };
    }

    @Override
    protected void validateFields(List<String> problems) {
        Checks.maxLength(problems, "Client", clientName, 120);
        Checks.url(problems, "Softr app address", appAddress);
        Checks.maxLength(problems, "Softr app address", appAddress, 300);
        Checks.maxLength(problems, "Version", releaseVersion, 30);
        Checks.maxLength(problems, "Reviewer notes", reviewerNotes, 2000);
    }

    @Override
    protected void describeFields(Map<String, String> fields) {
        fields.put("portal_kind", Checks.show(portalKind));
        fields.put("client", Checks.show(clientName));
        fields.put("app_address", Checks.show(appAddress));
        fields.put("version", Checks.show(releaseVersion));
        fields.put("reviewer_notes", Checks.show(reviewerNotes));
    }

    public PortalKind getPortalKind() {
        return portalKind;
    }

    public void setPortalKind(PortalKind portalKind) {
        this.portalKind = portalKind;
    }

    public String getClientName() {
        return clientName;
    }

    public void setClientName(String clientName) {
        this.clientName = blankToNull(clientName);
    }

    public String getAppAddress() {
        return appAddress;
    }

    public void setAppAddress(String appAddress) {
        this.appAddress = blankToNull(appAddress);
    }

    public String getReleaseVersion() {
        return releaseVersion;
    }

    public void setReleaseVersion(String releaseVersion) {
        this.releaseVersion = blankToNull(releaseVersion);
    }

    public String getReviewerNotes() {
        return reviewerNotes;
    }

    public void setReviewerNotes(String reviewerNotes) {
        this.reviewerNotes = blankToNull(reviewerNotes);
    }
}
