package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static network.higherself.console.card.FieldOption.searchable;
import static network.higherself.console.card.FieldType.DATE;
import static network.higherself.console.card.FieldType.LONG_TEXT;
import static network.higherself.console.card.FieldType.MONEY;
import static network.higherself.console.card.Face.show;

/** A card of WF-MKTG-CAMP: a marketing campaign over audience segments and channels. */
@Entity
@DiscriminatorValue(Campaign.WORKFLOW)
public class Campaign extends Card {

    public static final String WORKFLOW = "WF-MKTG-CAMP";

    private static final FieldList<Campaign> FIELDS = new FieldList<>(Campaign.class);
    // objective, who and where, when, and the budget, in form order
    public static final CardField<String> OBJECTIVE = FIELDS.value("objective", "Objective", LONG_TEXT, String.class,
            c -> c.objective, (c, v) -> c.objective = v, searchable());
    public static final CardField<List<AudienceSegment>> SEGMENTS = FIELDS.references("segments", "Audience segments",
            Reference.SEGMENT, c -> List.copyOf(c.segments), (c, v) -> replaceAll(c.segments, v));
    public static final CardField<List<Channel>> CHANNELS = FIELDS.references("channels", "Channels", Reference.CHANNEL,
            c -> List.copyOf(c.channels), (c, v) -> replaceAll(c.channels, v));
    public static final CardField<LocalDate> STARTS_ON = FIELDS.value("starts_on", "Start", DATE, LocalDate.class,
            c -> c.startsOn, (c, v) -> c.startsOn = v);
    public static final CardField<LocalDate> ENDS_ON = FIELDS.value("ends_on", "End", DATE, LocalDate.class,
            c -> c.endsOn, (c, v) -> c.endsOn = v);
    public static final CardField<BigDecimal> BUDGET = FIELDS.value("budget", "Budget", MONEY, BigDecimal.class,
            c -> c.budget, (c, v) -> c.budget = v);

    static final CardKind KIND = new CardKind(WORKFLOW, "campaign", Campaign::new, FIELDS, Face.of(
            show(STARTS_ON, ENDS_ON, (start, end) -> start == null || end == null ? null
                    : Face.day(start) + " \u2013 " + Face.day(end)),
            show(BUDGET, m -> "budget " + Face.pounds(m))));

    @Column(length = 500)
    private String objective;

    @ManyToMany
    @JoinTable(name = "campaign_segment", joinColumns = @JoinColumn(name = "campaign_id"),
            inverseJoinColumns = @JoinColumn(name = "segment_id"))
    @OrderBy("name")
    private Set<AudienceSegment> segments = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "campaign_channel", joinColumns = @JoinColumn(name = "campaign_id"),
            inverseJoinColumns = @JoinColumn(name = "channel_id"))
    @OrderBy("name")
    private Set<Channel> channels = new LinkedHashSet<>();

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Column(precision = 12, scale = 2)
    private BigDecimal budget;

    @Override
    public Optional<String> guard(String event, GuardContext context) {
        return switch (event) {
            case "segments_defined" -> segments.isEmpty()
                    ? Optional.of("At least one audience segment is needed: add a segment to the campaign.") : Optional.empty();
            case "channels_configured" -> channels.isEmpty()
                    ? Optional.of("At least one channel is needed: add a channel to the campaign.") : Optional.empty();
            default -> Optional.empty();
        };
    }

    @Override
    protected void checkKind(List<FieldProblem> problems) {
        problem(problems, STARTS_ON, Checks.orderProblem("Start", startsOn, "End", endsOn));
    }

    public Set<AudienceSegment> getSegments() {
        return Collections.unmodifiableSet(segments);
    }

    public Set<Channel> getChannels() {
        return Collections.unmodifiableSet(channels);
    }
}
