package network.higherself.console.demo;

import java.util.List;
import java.util.Random;

/** Short notes that people leave on moves, for a believable audit trail. */
final class Notes {

    private static final List<String> NOTES = List.of("", "", "Discussed on the phone.", "All good, moving on.",
            "Checked with the team.", "As agreed in the Monday meeting.", "Client confirmed by e-mail.", "", "Done.");

    private Notes() {
    }

    static String next(Random random) {
        return NOTES.get(random.nextInt(NOTES.size()));
    }
}
