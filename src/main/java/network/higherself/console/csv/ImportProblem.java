package network.higherself.console.csv;

/**
 * What is wrong with one row of an imported file: where it is (its line, its row in a spreadsheet, the column when
 * the problem is one cell's) and why, in a sentence that says what to write instead.
 */
public record ImportProblem(CsvText.Row row, CardColumns.Column column, String sentence) {

    /** "Line 5, column D “Quote”: 'abc' is not an amount: write it like 120.00" */
    public String text() {
        return row.where() + (column == null ? "" : ", " + column.shown()) + ": " + sentence;
    }

    @Override
    public String toString() {
        return text();
    }
}
