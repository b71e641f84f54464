package miexplorer.web.attention;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import miexplorer.web.form.NumberInput;

/**
 * The temperature slider's logarithmic scale: its positions 0 … {@link #POSITIONS} stand for
 * T = 10^((position − 26) / 20), from 0.05 at the left end through T = 1 at the centre to 20 at the
 * right, each step multiplying T by the same ratio 10^(1/20) ≈ 1.122 (so the arrow keys make T about
 * 12 % larger or smaller, twenty steps make it ten times larger, and low temperatures, where attention
 * sharpens, get half the track). The ends are the round 0.05 and 20 (10^±1.3 is 0.0501 and 19.95).
 *
 * <p>The slider writes T into the temperature field beside it (with scripts), or is read from its own
 * field {@link #PARAM} when its Set button is pressed (without); either way T is the field's value, so
 * every URL keeps {@code temp}. T is shown with three significant digits, from one list made here
 * ({@link #values()}), which the page gives the script: the server and the browser cannot disagree.
 */
public final class TemperatureScale {
    /** The slider's field: its position, read only when its Set button asks for it. */
    public static final String PARAM = "tpos";
    /** The action of the slider's Set button (without scripts). */
    public static final String SET_ACTION = "set-temp";
    /** The highest position; the centre, T = 1, is half of it. */
    public static final int POSITIONS = 52;
    public static final int CENTRE = POSITIONS / 2;
    public static final double MIN = 0.05;
    public static final double MAX = 20;
    /** Steps that make T ten times larger. */
    public static final int PER_DECADE = 20;

    private static final List<String> VALUES;

    static {
        List<String> v = new ArrayList<>();
        v.add(shown(MIN));
        for (int p = 1; p < POSITIONS; p++) {
            v.add(shown(Math.pow(10, (p - CENTRE) / (double) PER_DECADE)));
        }
        v.add(shown(MAX));
        VALUES = List.copyOf(v);
    }

    private TemperatureScale() {}

    /** T at a position, as the field shows it ("0.05", "1.12", "20"). */
    public static String at(int position) {
        return VALUES.get(Math.max(0, Math.min(POSITIONS, position)));
    }

    /** Every position's T, in order, separated by spaces: what the script writes into the field. */
    public static String values() {
        return String.join(" ", VALUES);
    }

    /** The position nearest T as typed (on the log scale), held within the track; the centre while T cannot be read. */
    public static int position(String typed) {
        NumberInput.Parsed t = NumberInput.parse(typed);
        if (!t.ok() || !(t.value() > 0)) {
            return CENTRE;
        }
        double p = CENTRE + PER_DECADE * Math.log10(t.value());
        return (int) Math.max(0, Math.min(POSITIONS, Math.round(p)));
    }

    /**
     * T for the slider's field as sent ({@link #PARAM}), or null when it is not a position: the Set
     * button then leaves the typed temperature as it is.
     */
    public static String fromField(String text) {
        if (text == null) {
            return null;
        }
        try {
            double p = Double.parseDouble(text.strip());
            if (!Double.isFinite(p)) {
                return null;
            }
            return at((int) Math.round(Math.max(0, Math.min(POSITIONS, p))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Three significant digits, without trailing zeros or an exponent. */
    static String shown(double t) {
        return BigDecimal.valueOf(t).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
