package network.higherself.console.insight;

import java.text.Normalizer;

/**
 * The advance widths of Helvetica and Helvetica Bold (Adobe's font metrics, in thousandths of the font size) for
 * the printable ASCII characters; Arial and Liberation Sans have the same widths. An accented letter is as wide as
 * its base letter; other characters are given a generous width, so that a box is never too narrow for its text.
 * (Kerning only ever narrows a text, so a width without it is enough.)
 */
final class HelveticaMetrics {

    /** Widths of the characters 32 to 126, regular. */
    private static final int[] REGULAR = widths(
            "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 "
                    + "556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556 "
                    + "1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 "
                    + "667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 "
                    + "333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 "
                    + "556 556 333 500 278 556 500 722 500 500 500 334 260 334 584");

    /** Widths of the characters 32 to 126, bold. */
    private static final int[] BOLD = widths(
            "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 "
                    + "556 556 556 556 556 556 556 556 556 556 333 333 584 584 584 611 "
                    + "975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 "
                    + "667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 "
                    + "333 556 611 556 611 556 333 611 611 278 278 556 278 889 611 611 "
                    + "611 611 389 556 333 611 556 778 556 556 500 389 280 389 584");

    private HelveticaMetrics() {
    }

    static double width(String text, TextStyle style) {
        int[] table = style.bold() ? BOLD : REGULAR;
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD);
        long thousandths = 0;
        for (int i = 0; i < plain.length(); ) {
            int c = plain.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 32 && c <= 126) {
                thousandths += table[c - 32];
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue; // an accent sits on its letter
            } else {
                // a letter without an ASCII base (ß, ø, Ł, Greek, Cyrillic) as the widest capitals; anything else
                // (symbols, CJK, emoji) as a full square
                thousandths += Character.isLetter(c) && c < 0x1100 ? 778 : 1000;
            }
        }
        return thousandths * style.size() / 1000.0;
    }

    private static int[] widths(String table) {
        String[] parts = table.trim().split("\\s+");
        if (parts.length != 95) {
            throw new IllegalStateException("a width table has 95 entries, not " + parts.length);
        }
        int[] w = new int[95];
        for (int i = 0; i < 95; i++) {
            w[i] = Integer.parseInt(parts[i]);
        }
        return w;
    }
}
