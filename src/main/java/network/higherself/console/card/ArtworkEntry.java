package network.higherself.console.card;

/**
 * One artwork of an exhibition as its {@code artworks} field reads and writes it: the artwork's id (null for a
 * new one), its artist, title and status. Writing a list of these replaces the exhibition's artworks; an entry
 * with the id of an existing artwork updates that artwork.
 */
public record ArtworkEntry(Long id, Artist artist, String title, ArtworkStatus status) implements Artworks.Line<Artist> {

    public static ArtworkEntry of(Artwork a) {
        return new ArtworkEntry(a.getId(), a.getArtist(), a.getTitle(), a.getStatus());
    }

    /** As the audit trail shows it: 'Salt' by Mira Okafor (accepted). */
    @Override
    public String toString() {
        return "'" + title + "' by " + (artist == null ? "?" : artist.getName()) + " ("
                + (status == null ? "?" : status.name().toLowerCase()) + ")";
    }
}
