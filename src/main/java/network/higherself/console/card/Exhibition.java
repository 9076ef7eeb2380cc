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
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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

    /** Curator, artists, artworks and the three dates, in form order. */
    public static final List<CardField> FIELDS = List.of(
            new CardField("curator", "Curator", FieldType.TEXT, false, String.class,
                    c -> ((Exhibition) c).getCurator(), (c, v) -> ((Exhibition) c).setCurator((String) v)),
            new CardField("artists", "Artists", FieldType.REFERENCES, false, Artist.class,
                    c -> ((Exhibition) c).getArtists(),
                    (c, v) -> ((Exhibition) c).replaceArtists(elements("artists", v, Artist.class))),
            new CardField("artworks", "Artworks", FieldType.ARTWORKS, false, ArtworkEntry.class,
                    c -> ((Exhibition) c).getArtworkEntries(),
                    (c, v) -> ((Exhibition) c).replaceArtworks(elements("artworks", v, ArtworkEntry.class))),
            new CardField("submission_deadline", "Submission deadline", FieldType.DATE, false, LocalDate.class,
                    c -> ((Exhibition) c).getSubmissionDeadline(),
                    (c, v) -> ((Exhibition) c).setSubmissionDeadline((LocalDate) v)),
            new CardField("opening_date", "Opening date", FieldType.DATE, false, LocalDate.class,
                    c -> ((Exhibition) c).getOpeningDate(), (c, v) -> ((Exhibition) c).setOpeningDate((LocalDate) v)),
            new CardField("closing_date", "Closing date", FieldType.DATE, false, LocalDate.class,
                    c -> ((Exhibition) c).getClosingDate(), (c, v) -> ((Exhibition) c).setClosingDate((LocalDate) v)));

    @Override
    public List<CardField> fields() {
        return FIELDS;
    }

    @Override
    protected void validateFields(List<String> problems) {
        Checks.maxLength(problems, "Curator", curator, 120);
        Checks.inOrder(problems, "Submission deadline", submissionDeadline, "Opening date", openingDate);
        Checks.inOrder(problems, "Opening date", openingDate, "Closing date", closingDate);
        for (Artwork a : artworks) {
            if (a.getTitle() == null || a.getTitle().isBlank()) {
                problems.add("Every artwork needs a title: fill in the title of each artwork or remove the empty row.");
                continue;
            }
            Checks.maxLength(problems, "Artwork title '" + a.getTitle() + "'", a.getTitle(), 200);
            if (a.getArtist() == null) {
                problems.add("Artwork '" + a.getTitle() + "' needs an artist: choose one of the exhibition's artists.");
                continue;
            }
            if (a.getStatus() == null) {
                problems.add("Artwork '" + a.getTitle() + "' needs a status: choose submitted, accepted, declined, sold or returned.");
            }
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

    /** Makes {@code newArtists} the exhibition's artists, in place of those it had. */
    public void replaceArtists(Collection<Artist> newArtists) {
        artists.clear();
        artists.addAll(newArtists);
    }

    /**
     * Makes {@code entries} the exhibition's artworks: an entry with the id of an artwork it has updates that
     * artwork, any other entry adds one, and artworks without an entry are removed.
     */
    public void replaceArtworks(Collection<ArtworkEntry> entries) {
        Map<Long, Artwork> existing = new HashMap<>();
        for (Artwork a : artworks) {
            if (a.getId() != null) {
                existing.put(a.getId(), a);
            }
        }
        List<Artwork> next = new ArrayList<>(entries.size());
        for (ArtworkEntry e : entries) {
            Artwork a = e.id() == null ? null : existing.remove(e.id());
            if (a == null) {
                a = new Artwork(this, e.artist(), e.title(), e.status());
            } else {
                a.update(e.artist(), e.title(), e.status());
            }
            next.add(a);
        }
        artworks.clear();
        artworks.addAll(next);
    }

    /** The artworks as values (id, artist, title, status), in the exhibition's order. */
    public List<ArtworkEntry> getArtworkEntries() {
        return artworks.stream().map(ArtworkEntry::of).toList();
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
