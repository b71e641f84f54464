package miexplorer.web.render;

/**
 * Something that shows numbers to a number of decimals: a page's or an explorer's view. The one
 * place a number is formatted for a page ({@link Format#fixed}: half-even, a real minus sign, never
 * "−0.000"); full precision stays in the doubles.
 */
public interface Decimals {
    /** How many decimals numbers are shown with. */
    int digits();

    /** {@code v} as the page shows it. */
    default String shown(double v) {
        return Format.fixed(v, digits());
    }
}
