package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One work in an exhibition, by one artist, with its own status. */
@Entity
@Table(name = "artwork")
public class Artwork {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exhibition_id", nullable = false)
    private Exhibition exhibition;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "artist_id", nullable = false)
    private Artist artist;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ArtworkStatus status = ArtworkStatus.SUBMITTED;

    protected Artwork() {
    }

    Artwork(Exhibition exhibition, Artist artist, String title, ArtworkStatus status) {
        this.exhibition = exhibition;
        this.artist = artist;
        this.title = title == null ? null : title.strip();
        this.status = status;
    }

    public Long getId() {
        return id;
    }

    public Exhibition getExhibition() {
        return exhibition;
    }

    public Artist getArtist() {
        return artist;
    }

    public String getTitle() {
        return title;
    }

    public ArtworkStatus getStatus() {
        return status;
    }

    public void setStatus(ArtworkStatus status) {
        this.status = status;
    }

    /** Changes what the artwork is; its exhibition stays. */
    void update(Artist newArtist, String newTitle, ArtworkStatus newStatus) {
        this.artist = newArtist;
        this.title = newTitle == null ? null : newTitle.strip();
        this.status = newStatus;
    }

    @Override
    public String toString() {
        return "'" + title + "' by " + (artist == null ? "?" : artist.getName()) + " ("
                + (status == null ? "?" : status.name().toLowerCase()) + ")";
    }
}
