package network.higherself.console.cardform;

import network.higherself.console.card.ArtworkStatus;
import network.higherself.console.card.Artworks;

/** One artwork as the form holds it: its id (null for a new one), artist, title and status. */
public record ArtworkRow(Long id, Choice artist, String title, ArtworkStatus status) implements Artworks.Line<Choice> {
}
