package network.higherself.console.card;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A card of WF-GALLERY-EXH: an exhibition with its curator, artists, artworks and dates. */
@Entity
@DiscriminatorValue(Exhibition.WORKFLOW)
public class Exhibition extends Card {

    public static final String WORKFLOW = "WF-GALLERY-EXH";

    @Column(length = 120)
    private String curator;

    @ManyToMany
    @JoinTable(name = "exhibition_artist", joinColumns = @JoinColumn(name = "exhibition_id"),
            inverseJoinColumns = @JoinColumn(name = "artist_id"))
    @OrderBy("name")
    private Set<Artist> artists = new LinkedHashSet<>();

    @OneToMany(mappedBy = "exhibition", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Artwork> artworks = new ArrayList<>();

    @Column(name = "submission_deadline")
    private LocalDate submissionDeadline;

    @Column(name = "opening_date")
    private LocalDate openingDate;

    @Column(name = "closing_date")
    private LocalDate closingDate;

    protected Exhibition() {
    }

    public Exhibition(String title) {
        setTitle(title);
    }

    @Override
    public String workflowId() {
        return WORKFLOW;
    }

    @Override
    public String kindLabel() {
        return "exhibition";
    }

    @Override
    public Optional<String> guard(String event, GuardContext context) {
        return switch (event) {
            case "artists_confirmed" -> artists.isEmpty()
                    ? Optional.of("At least one artist is needed before the artists can be confirmed: add an artist to the exhibition.")
                    : Optional.empty();
            case "curation_complete" -> artworks.stream().noneMatch(a -> a.getStatus() == ArtworkStatus.ACCEPTED)
                    ? Optional.of("Curation cannot be complete without an accepted artwork: accept at least one artwork.")
                    : Optional.empty();
            case "submission_deadline_reached" -> submissionDeadline == null
                    ? Optional.of("The exhibition has no submission deadline: set one first.") : Optional.empty();
            case "opening_day" -> openingDate == null
                    ? Optional.of("The exhibition has no opening date: set one first.") : Optional.empty();
            case "closing_day" -> closingDate == null
                    ? Optional.of("The exhibition has no closing date: set one first.") : Optional.empty();
            default -> Optional.empty();
        };
    }

    @Override
    public List<CardField> fields() {
        return List.of();
    }

    @Override
    protected void validateFields(List<String> problems) {
        Checks.maxLength(problems, "Curator", curator, 120);
        Checks.inOrder(problems, "Submission deadline", submissionDeadline, "Opening date", openingDate);
        Checks.inOrder(problems, "Opening date", openingDate, "Closing date", closingDate);
        for (Artwork a : artworks) {
            if (!artists.contains(a.getArtist())) {
                problems.add("Artwork '" + a.getTitle() + "' is by " + a.getArtist().getName()
                        + ", who is not among this exhibition's artists: add the artist first.");
            }
        }
    }

    @Override
    protected void describeFields(Map<String, String> fields) {
        fields.put("curator", Checks.show(curator));
        fields.put("artists", artists.stream().map(Artist::getName).collect(Collectors.joining(", ")));
        fields.put("artworks", artworks.stream().map(Artwork::toString).collect(Collectors.joining("; ")));
        fields.put("submission_deadline", Checks.show(submissionDeadline));
        fields.put("opening_date", Checks.show(openingDate));
        fields.put("closing_date", Checks.show(closingDate));
    }

    public void addArtist(Artist artist) {
        artists.add(artist);
    }

    public void removeArtist(Artist artist) {
        artists.remove(artist);
    }

    public Artwork addArtwork(Artist artist, String title, ArtworkStatus status) {
        Artwork a = new Artwork(this, artist, title, status);
        artworks.add(a);
        return a;
    }

    public String getCurator() {
        return curator;
    }

    public void setCurator(String curator) {
        this.curator = blankToNull(curator);
    }

    public Set<Artist> getArtists() {
        return Collections.unmodifiableSet(artists);
    }

    public List<Artwork> getArtworks() {
        return Collections.unmodifiableList(artworks);
    }

    public LocalDate getSubmissionDeadline() {
        return submissionDeadline;
    }

    public void setSubmissionDeadline(LocalDate submissionDeadline) {
        this.submissionDeadline = submissionDeadline;
    }

    public LocalDate getOpeningDate() {
        return openingDate;
    }

    public void setOpeningDate(LocalDate openingDate) {
        this.openingDate = openingDate;
    }

    public LocalDate getClosingDate() {
        return closingDate;
    }

    public void setClosingDate(LocalDate closingDate) {
        this.closingDate = closingDate;
    }
}
