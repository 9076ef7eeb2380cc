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
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static network.higherself.console.card.FieldOption.searchable;
import static network.higherself.console.card.FieldType.DATE_TIME;
import static network.higherself.console.card.Face.show;

/** A card of WF-CONT-CYCLE: a content piece, optionally part of a campaign. */
@Entity
@DiscriminatorValue(ContentPiece.WORKFLOW)
public class ContentPiece extends Card {

    public static final String WORKFLOW = "WF-CONT-CYCLE";

    private static final FieldList<ContentPiece> FIELDS = new FieldList<>(ContentPiece.class);
    // format, where it goes out, its campaign and when, in form order
    public static final CardField<String> FORMAT = FIELDS.text("format", "Format", p -> p.format,
            (p, v) -> p.format = v, searchable());
    public static final CardField<List<Channel>> CHANNELS = FIELDS.references("channels", "Channels", Reference.CHANNEL,
            p -> List.copyOf(p.channels), (p, v) -> replaceAll(p.channels, v));
    public static final CardField<Campaign> CAMPAIGN = FIELDS.reference("campaign", "Campaign", Reference.CAMPAIGN,
            p -> p.campaign, (p, v) -> p.campaign = v);
    public static final CardField<LocalDateTime> PUBLISH_AT = FIELDS.value("publish_at", "Publish at", DATE_TIME,
            LocalDateTime.class, p -> p.publishAt, (p, v) -> p.publishAt = v);

    static final CardKind KIND = new CardKind(WORKFLOW, "content piece", ContentPiece::new, FIELDS,
            Face.of(show(FORMAT), show(PUBLISH_AT, at -> "publish " + Face.dayTime(at))));

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

    @Override
    public Optional<String> guard(String event, GuardContext context) {
        if ("publication_time".equals(event) && publishAt == null) {
            return Optional.of("The content piece has no publish-at time: schedule it first.");
        }
        return Optional.empty();
    }

    @Override
    public List<EventInput> inputsFor(String event) {
        return "changes_requested".equals(event)
                ? List.of(EventInput.note("What needs to change"))
                : List.of();
    }

    public Set<Channel> getChannels() {
        return Collections.unmodifiableSet(channels);
    }

    public Campaign getCampaign() {
        return campaign;
    }
}
