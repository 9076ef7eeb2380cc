package network.higherself.console.card;

/**
 * One artwork as a change carries it: the artwork's id (null for a new one), its artist's id, its title and status.
 * What the {@code artworks} field's value is in a change's values; {@link ArtworkEntry} is the same with the artist.
 */
public record ArtworkValue(Long id, Long artistId, String title, ArtworkStatus status) {

    public static ArtworkValue of(ArtworkEntry e) {
        return new ArtworkValue(e.id(), e.artist() == null ? null : e.artist().getId(), e.title(), e.status());
    }
}
