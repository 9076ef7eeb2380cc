package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A card of WF-CONT-CYCLE: a content piece, optionally part of a campaign. */
@Entity
@DiscriminatorValue(ContentPiece.WORKFLOW)
public class ContentPiece extends Card {

    public static final String WORKFLOW = "WF-CONT-CYCLE";

    @Column(length = 60)
    private String format;

    @ManyToMany
    @JoinTable(name = "content_channel", joinColumns = @JoinColumn(name = "content_id"),
            inverseJoinColumns = @JoinColumn(name = "channel_id"))
    @OrderBy("name")
    private Set<Channel> channels = new LinkedHashSet<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "campaign_id")
    private Campaign campaign;

    @Column(name = "publish_at")
    private LocalDateTime publishAt;

    protected ContentPiece() {
    }

    public ContentPiece(String title) {
        setTitle(title);
    }

    @Override
    public String workflowId() {
        return WORKFLOW;
    }

    @Override
    public String kindLabel() {
        return "content piece";
    }

    @Override
    public Optional<String> guard(String event, GuardContext context) {
        if ("publication_time".equals(event) && publishAt == null) {
            return Optional.of("The content piece has no publish-at time: schedule it first.");
        }
        return Optional.empty();
    }

    /** Format, where it goes out, its campaign and when, in form order. */
    public static final List<CardField> FIELDS = List.of(
            new CardField("format", "Format", FieldType.TEXT, false, String.class,
                    c -> ((ContentPiece) c).getFormat(), (c, v) -> ((ContentPiece) c).setFormat((String) v)),
            new CardField("channels", "Channels", FieldType.REFERENCES, false, Channel.class,
                    c -> ((ContentPiece) c).getChannels(),
                    (c, v) -> ((ContentPiece) c).replaceChannels(elements("channels", v, Channel.class))),
            new CardField("campaign", "Campaign", FieldType.REFERENCE, false, Campaign.class,
                    c -> ((ContentPiece) c).getCampaign(), (c, v) -> ((ContentPiece) c).setCampaign((Campaign) v)),
            new CardField("publish_at", "Publish at", FieldType.DATE_TIME, false, LocalDateTime.class,
                    c -> ((ContentPiece) c).getPublishAt(), (c, v) -> ((ContentPiece) c).setPublishAt((LocalDateTime) v)));

    @Override
    public List<CardField> fields() {
        return FIELDS;
    }

    @Override
    public List<EventInput> inputsFor(String event) {
        return "changes_requested".equals(event)
                ? List.of(EventInput.note("What needs to change"))
                : List.of();
    }

    @Override
    protected void validateFields(List<String> problems) {
        Checks.maxLength(problems, "Format", format, 60);
    }

    @Override
    protected void describeFields(Map<String, String> fields) {
        fields.put("format", Checks.show(format));
        fields.put("channels", channels.stream().map(Channel::getName).collect(Collectors.joining(", ")));
        fields.put("campaign", campaign == null ? "" : campaign.getTitle());
        fields.put("publish_at", Checks.show(publishAt));
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = blankToNull(format);
    }

    public Set<Channel> getChannels() {
        return Collections.unmodifiableSet(channels);
    }

    /** Makes {@code newChannels} the piece's channels, in place of those it had. */
    public void replaceChannels(Collection<Channel> newChannels) {
        channels.clear();
        channels.addAll(newChannels);
    }

    public void addChannel(Channel channel) {
        channels.add(channel);
    }

    public void removeChannel(Channel channel) {
        channels.remove(channel);
    }

    public Campaign getCampaign() {
        return campaign;
    }

    public void setCampaign(Campaign campaign) {
        this.campaign = campaign;
    }

    public LocalDateTime getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(LocalDateTime publishAt) {
        this.publishAt = publishAt;
    }
}
