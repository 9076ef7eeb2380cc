package network.higherself.console.card;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The one rule an exhibition's artworks follow, wherever they are checked (the card itself, the form as a person
 * types): each has a title that fits, an artist who is among the exhibition's artists, and a status.
 */
public final class Artworks {

    /** The most characters an artwork's title holds. */
    public static final int TITLE_MAX = 200;

    /** An artwork as it is checked: by the card (its artist an entity) or by a form (its artist a choice). */
    public interface Line<A> {
        String title();

        A artist();

        ArtworkStatus status();
    }

    private Artworks() {
    }

    /**
     * Every problem with {@code lines}, in order, as sentences a person can act on; empty when they are fine.
     * {@code artists} are the exhibition's artists, {@code name} how an artist is called.
     */
    public static <A> List<String> problems(List<? extends Line<A>> lines, Collection<A> artists, Function<A, String> name) {
        List<String> problems = new ArrayList<>();
        for (Line<A> a : lines) {
            if (a.title() == null || a.title().isBlank()) {
                problems.add("Every artwork needs a title: fill in the title of each artwork or remove the empty row.");
                continue;
            }
            Checks.maxLength(problems, "Artwork title '" + a.title() + "'", a.title(), TITLE_MAX);
            if (a.artist() == null) {
                problems.add("Artwork '" + a.title() + "' needs an artist: choose one of the exhibition's artists.");
                continue;
            }
            if (a.status() == null) {
                problems.add("Artwork '" + a.title() + "' needs a status: choose submitted, accepted, declined, sold or returned.");
            }
            if (!artists.contains(a.artist())) {
                problems.add("Artwork '" + a.title() + "' is by " + name.apply(a.artist())
                        + ", who is not among this exhibition's artists: add the artist first.");
            }
        }
        return problems;
    }
}
