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
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A card of WF-MKTG-CAMP: a marketing campaign over audience segments and channels. */
@Entity
@DiscriminatorValue(Campaign.WORKFLOW)
public class Campaign extends Card {

    public static final String WORKFLOW = "WF-MKTG-CAMP";

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

    protected Campaign() {
    }

    public Campaign(String title) {
        setTitle(title);
    }

    @Override
    public String workflowId() {
        return WORKFLOW;
    }

    @Override
    public String kindLabel() {
        return "campaign";
    }

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

    /** Objective, who and where, when, and the budget, in form order. */
    public static final List<CardField> FIELDS = List.of(
            new CardField("objective", "Objective", FieldType.LONG_TEXT, false, String.class,
                    c -> ((Campaign) c).getObjective(), (c, v) -> ((Campaign) c).setObjective((String) v)),
            new CardField("segments", "Audience segments", FieldType.REFERENCES, false, AudienceSegment.class,
                    c -> ((Campaign) c).getSegments(),
                    (c, v) -> ((Campaign) c).replaceSegments(elements("segments", v, AudienceSegment.class))),
            new CardField("channels", "Channels", FieldType.REFERENCES, false, Channel.class,
                    c -> ((Campaign) c).getChannels(),
                    (c, v) -> ((Campaign) c).replaceChannels(elements("channels", v, Channel.class))),
            new CardField("starts_on", "Start", FieldType.DATE, false, LocalDate.class,
                    c -> ((Campaign) c).getStartsOn(), (c, v) -> ((Campaign) c).setStartsOn((LocalDate) v)),
            new CardField("ends_on", "End", FieldType.DATE, false, LocalDate.class,
                    c -> ((Campaign) c).getEndsOn(), (c, v) -> ((Campaign) c).setEndsOn((LocalDate) v)),
            new CardField("budget", "Budget", FieldType.MONEY, false, BigDecimal.class,
                    c -> ((Campaign) c).getBudget(), (c, v) -> ((Campaign) c).setBudget((BigDecimal) v)));

    @Override
    public List<CardField> fields() {
        return FIELDS;
    }

    @Override
    protected void validateFields(List<String> problems) {
        Checks.maxLength(problems, "Objective", objective, 500);
        Checks.inOrder(problems, "Start", startsOn, "End", endsOn);
        Checks.notNegative(problems, "Budget", budget);
    }

    @Override
    protected void describeFields(Map<String, String> fields) {
        fields.put("objective", Checks.show(objective));
        fields.put("segments", segments.stream().map(AudienceSegment::getName).collect(Collectors.joining(", ")));
        fields.put("channels", channels.stream().map(Channel::getName).collect(Collectors.joining(", ")));
        fields.put("starts_on", Checks.show(startsOn));
        fields.put("ends_on", Checks.show(endsOn));
        fields.put("budget", Checks.show(budget));
    }

    public String getObjective() {
        return objective;
    }

    public void setObjective(String objective) {
        this.objective = blankToNull(objective);
    }

    public Set<AudienceSegment> getSegments() {
        return Collections.unmodifiableSet(segments);
    }

    /** Makes {@code newSegments} the campaign's audience segments, in place of those it had. */
    public void replaceSegments(Collection<AudienceSegment> newSegments) {
        segments.clear();
        segments.addAll(newSegments);
    }

    /** Makes {@code newChannels} the campaign's channels, in place of those it had. */
    public void replaceChannels(Collection<Channel> newChannels) {
        channels.clear();
        channels.addAll(newChannels);
    }

    public void addSegment(AudienceSegment segment) {
        segments.add(segment);
    }

    public void removeSegment(AudienceSegment segment) {
        segments.remove(segment);
    }

    public Set<Channel> getChannels() {
        return Collections.unmodifiableSet(channels);
    }

    public void addChannel(Channel channel) {
        channels.add(channel);
    }

    public void removeChannel(Channel channel) {
        channels.remove(channel);
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public void setBudget(BigDecimal budget) {
        this.budget = budget;
    }
}
