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

import static network.higherself.console.card.FieldOption.searchable;
import static network.higherself.console.card.FieldType.DATE;
import static network.higherself.console.card.Face.count;
import static network.higherself.console.card.Face.show;

/** A card of WF-GALLERY-EXH: an exhibition with its curator, artists, artworks and dates. */
@Entity
@DiscriminatorValue(Exhibition.WORKFLOW)
public class Exhibition extends Card {

    public static final String WORKFLOW = "WF-GALLERY-EXH";

    private static final FieldList<Exhibition> FIELDS = new FieldList<>(Exhibition.class);
    // curator, artists, artworks and the three dates, in form order
    public static final CardField<String> CURATOR = FIELDS.text("curator", "Curator", e -> e.curator,
            (e, v) -> e.curator = v, searchable());
    public static final CardField<List<Artist>> ARTISTS = FIELDS.references("artists", "Artists", Reference.ARTIST,
            e -> List.copyOf(e.artists), Exhibition::replaceArtists);
    public static final CardField<List<ArtworkEntry>> ARTWORKS = FIELDS.artworks("artworks", "Artworks",
            Exhibition::getArtworkEntries, Exhibition::replaceArtworks);
    public static final CardField<LocalDate> SUBMISSION_DEADLINE = FIELDS.value("submission_deadline",
            "Submission deadline", DATE, LocalDate.class, e -> e.submissionDeadline,
            (e, v) -> e.submissionDeadline = v);
    public static final CardField<LocalDate> OPENING_DATE = FIELDS.value("opening_date", "Opening date", DATE,
            LocalDate.class, e -> e.openingDate, (e, v) -> e.openingDate = v);
    public static final CardField<LocalDate> CLOSING_DATE = FIELDS.value("closing_date", "Closing date", DATE,
            LocalDate.class, e -> e.closingDate, (e, v) -> e.closingDate = v);

    static final CardKind KIND = new CardKind(WORKFLOW, "exhibition", Exhibition::new, FIELDS,
            Face.of(count(ARTISTS, "artist"), show(OPENING_DATE, d -> "opens " + Face.day(d)), show(CURATOR)))
            // its artists are many: a lane per artist would show an exhibition in several lanes, so lanes go by curator
            .partyIn(CURATOR);

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
    protected void checkKind(List<FieldProblem> problems) {
        problem(problems, SUBMISSION_DEADLINE, Checks.orderProblem("Submission deadline", submissionDeadline,
                "Opening date", openingDate));
        problem(problems, OPENING_DATE, Checks.orderProblem("Opening date", openingDate, "Closing date", closingDate));
        Artworks.problems(getArtworkEntries(), artists, Artist::getName).forEach(p -> problem(problems, ARTWORKS, p));
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

    public Set<Artist> getArtists() {
        return Collections.unmodifiableSet(artists);
    }

    public List<Artwork> getArtworks() {
        return Collections.unmodifiableList(artworks);
    }
}
