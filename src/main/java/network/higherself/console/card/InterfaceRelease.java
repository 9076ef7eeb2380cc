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

    @Override
    public List<CardField> fields() {
        return List.of();
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
