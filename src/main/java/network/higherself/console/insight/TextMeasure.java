package network.higherself.console.insight;

/**
 * How wide a text is when drawn: the diagram's boxes and labels are made to fit their text. The window measures
 * with the font it draws with; a file written for other programs (SVG) with the metrics of the font it names.
 */
@FunctionalInterface
public interface TextMeasure {

    double width(String text, TextStyle style);

    /**
     * The metrics of Helvetica, which Arial and Liberation Sans share by design: exact for a drawing that names
     * those fonts, whatever machine shows it.
     */
    static TextMeasure helvetica() {
        return HelveticaMetrics::width;
    }
}
