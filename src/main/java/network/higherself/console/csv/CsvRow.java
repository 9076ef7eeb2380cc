package network.higherself.console.csv;

import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.FieldProblem;
import network.higherself.console.card.Refs;
import network.higherself.console.move.CardChange;
import network.higherself.console.move.CardService;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One row of an imported file as the fields of a new card: applied by the change pipeline inside the import's
 * transaction, each cell read into its field ({@link CardColumns#value}, references looked up by name there), then
 * the card's own checks, each problem kept with its column. A row with a problem refuses its change, with every
 * problem in one sentence; {@link #problems()} keeps them apart, by column.
 */
final class CsvRow implements CardChange {

    private final CsvText.Row row;
    private final CardColumns.Header header;
    private final List<ImportProblem> problems = new ArrayList<>();

    CsvRow(CsvText.Row row, CardColumns.Header header) {
        this.row = row;
        this.header = header;
    }

    CsvText.Row row() {
        return row;
    }

    /** The cell of {@code column}: empty where the row is shorter than the header. */
    String cell(CardColumns.Column column) {
        return column.index() < row.cells().size() ? row.cells().get(column.index()) : "";
    }

    /** The card's title as the row gives it. */
    String title() {
        return header.of(Card.TITLE).map(this::cell).orElse("").strip();
    }

    /** What was wrong with the row the last time the pipeline applied it (empty: nothing, or not applied). */
    List<ImportProblem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void apply(Card card, Refs refs) {
        problems.clear();
        Set<CardField<?>> unread = new HashSet<>();
        for (CardColumns.Column c : header.columns()) {
            if (c.referenceOnly()) {
                continue;
            }
            try {
                c.field().setUntyped(card, CardColumns.value(c.field(), cell(c), refs));
            } catch (CardColumns.CellProblem e) {
                problems.add(new ImportProblem(row, c, e.getMessage()));
                unread.add(c.field());
            }
        }
        for (FieldProblem p : card.problems()) { // what the pipeline checks next, each problem by its column
            if (p.field() == null || !unread.contains(p.field())) {
                problems.add(new ImportProblem(row, p.field() == null ? null : header.of(p.field()).orElse(null),
                        p.sentence()));
            }
        }
        if (!problems.isEmpty()) {
            throw CardService.refusal(String.join(" ", problems.stream().map(ImportProblem::sentence).toList()));
        }
    }
}
