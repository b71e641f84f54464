package miexplorer.web.mi;

import java.util.List;
import miexplorer.info.LogBase;
import miexplorer.web.explorer.Preset;
import miexplorer.web.joint.JointInput;
import miexplorer.web.joint.Kind;
import miexplorer.web.joint.TableSettings;
import miexplorer.web.render.Format;

/** The joint-table explorer's examples: named tables with stable slugs, linked from its page and shown in the gallery. */
public final class MiPresets {
    public static final double DEFAULT_CROSSOVER = 0.1;

    private MiPresets() {
    }

    /** The examples, in the order the page lists them. */
    public static List<Preset<JointInput>> all() {
        return ALL;
    }

    // Built once: the page lists them on every load, and they never change.
    private static final List<Preset<JointInput>> ALL = List.of(
                new Preset<>("weather-forecast", "Weather and forecast",
                        "The tutorial's table: a forecast that is usually right. I = 0.378 bits.",
                        JointInput.weather()),
                new Preset<>("independent", "Two independent variables",
                        "A biased coin and a spinner that ignore each other: every cell is P(x)·P(y), so I = 0.",
                        table("Coin", "Spinner", List.of("Heads", "Tails"), List.of("Red", "Green", "Blue"),
                                List.of(List.of("0.06", "0.15", "0.09"), List.of("0.14", "0.35", "0.21")),
                                Kind.PROBABILITIES)),
                new Preset<>("perfect-predictor", "A perfect predictor",
                        "The light fixes what the driver does: H(X|Y) = 0 and I(X;Y) = H(X).",
                        table("Traffic light", "Driver", List.of("Red", "Amber", "Green"), List.of("Stops", "Slows", "Drives on"),
                                List.of(List.of("0.45", "0", "0"), List.of("0", "0.1", "0"), List.of("0", "0", "0.45")),
                                Kind.PROBABILITIES)),
                binarySymmetricChannel(DEFAULT_CROSSOVER),
                new Preset<>("sky-and-plans", "Sky and weekend plans (3 × 4 counts)",
                        "Counts from 150 weekends: the sky against what people did. Counts are normalised for you.",
                        table("Sky", "Plan", List.of("Clear", "Cloudy", "Rain"), List.of("Beach", "Hike", "Museum", "Cinema"),
                                List.of(List.of("30", "22", "5", "3"), List.of("8", "15", "12", "10"), List.of("1", "2", "18", "24")),
                                Kind.COUNTS)));

    /**
     * A fair bit sent through a channel that flips it with probability ε:
     * P(x, y) = (1 − ε)/2 when y = x and ε/2 otherwise, so I = 1 − H_b(ε) bits.
     */
    public static Preset<JointInput> binarySymmetricChannel(double e) {
        String same = Format.cell((1 - e) / 2);
        String flip = Format.cell(e / 2);
        return new Preset<>("binary-symmetric-channel", "Binary symmetric channel",
                "A fair bit sent through a noisy line that flips it with probability ε = " + Format.cell(e)
                        + ". I = 1 − H(ε) bits.",
                table("Sent", "Received", List.of("0", "1"), List.of("0 received", "1 received"),
                        List.of(List.of(same, flip), List.of(flip, same)), Kind.PROBABILITIES));
    }

    private static JointInput table(String x, String y, List<String> xl, List<String> yl, List<List<String>> cells, Kind kind) {
        return new JointInput(x, y, xl, yl, cells, kind, LogBase.TWO, TableSettings.DEFAULT_DIGITS);
    }
}
