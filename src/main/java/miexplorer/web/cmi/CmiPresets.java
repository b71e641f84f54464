package miexplorer.web.cmi;

import java.util.List;
import miexplorer.info.LogBase;
import miexplorer.web.explorer.Preset;
import miexplorer.web.joint.Kind;
import miexplorer.web.joint.TableSettings;

/** The three-variable explorer's examples: named tables with stable slugs, linked from its page and shown in the gallery. */
public final class CmiPresets {
    private CmiPresets() {
    }

    /**
     * The tutorial's weather and forecast, split by season: winter is rainier than summer. The two
     * slices add up to the tutorial's table, so I(Weather; Forecast) is its 0.378 bits.
     */
    public static final Preset<CmiInput> WEATHER_SEASON = new Preset<>("cmi-weather-season", "Weather, forecast and season",
            "The tutorial's table split by season: does the forecast still tell you about the weather once you know the season?"
                    + " I(X; Y) = 0.378 bits; given the season, I(X; Y | Z) = 0.300 bits.",
            table("Weather", "Forecast", "Season", List.of("Rain", "Sun"), List.of("Forecast rain", "Forecast sun"),
                    List.of("Winter", "Summer"),
                    List.of(List.of(List.of("0.27", "0.02"), List.of("0.06", "0.15")),
                            List.of(List.of("0.09", "0.02"), List.of("0.06", "0.33")))));

    /** What /cmi shows with no table in its address. */
    public static final Preset<CmiInput> DEFAULT = WEATHER_SEASON;

    /** Exclusive or: useless alone, decisive together. The lesson embeds the explorer with it. */
    public static final Preset<CmiInput> XOR = new Preset<>("cmi-xor", "Exclusive or: useless alone, decisive together",
            "X and Y are fair coins and Z = X xor Y. Y says nothing about X, but once Z is known it says everything:"
                    + " I(X; Y) = 0, I(X; Y | Z) = 1 bit, co-information −1 bit (synergy).",
            table("First bit", "Second bit", "Parity", List.of("0", "1"), List.of("0", "1"), List.of("Even", "Odd"),
                    List.of(List.of(List.of("1/4", "0"), List.of("0", "1/4")),
                            List.of(List.of("0", "1/4"), List.of("1/4", "0")))));

    private static final List<Preset<CmiInput>> ALL = List.of(
            WEATHER_SEASON,
            XOR,
            new Preset<>("cmi-common-cause", "A common cause",
                    "Rain makes both umbrellas and wet streets likelier, 9 times in 10 each. The two go together, but only"
                            + " through the rain: I(X; Y) = 0.320 bits, I(X; Y | Z) = 0, co-information +0.320 bits (redundancy).",
                    table("Umbrellas", "Street", "Weather", List.of("Many", "Few"), List.of("Wet", "Dry"), List.of("Rain", "No rain"),
                            List.of(List.of(List.of("0.405", "0.045"), List.of("0.045", "0.005")),
                                    List.of(List.of("0.005", "0.045"), List.of("0.045", "0.405"))))),
            new Preset<>("cmi-and", "A logical AND: synergy",
                    "Z = X and Y for two fair bits. Knowing Z makes X and Y depend on each other: I(X; Y) = 0,"
                            + " I(X; Y | Z) = 0.189 bits, a negative co-information of −0.189 bits.",
                    table("X", "Y", "X and Y", List.of("0", "1"), List.of("0", "1"), List.of("False", "True"),
                            List.of(List.of(List.of("1/4", "1/4"), List.of("1/4", "0")),
                                    List.of(List.of("0", "0"), List.of("0", "1/4"))))),
            new Preset<>("cmi-copies", "Three copies: redundancy",
                    "X, Y and Z are one fair bit copied three times: whatever one tells about another, the third tells too."
                            + " I(X; Y) = 1 bit, I(X; Y | Z) = 0, co-information +1 bit.",
                    table("X", "Y", "Z", List.of("0", "1"), List.of("0", "1"), List.of("0", "1"),
                            List.of(List.of(List.of("1/2", "0"), List.of("0", "0")),
                                    List.of(List.of("0", "0"), List.of("0", "1/2"))))));

    /** The examples, in the order the page lists them. */
    public static List<Preset<CmiInput>> all() {
        return ALL;
    }

    private static CmiInput table(String x, String y, String z, List<String> xl, List<String> yl, List<String> zl,
            List<List<List<String>>> cells) {
        return new CmiInput(x, y, z, xl, yl, zl, cells, Kind.PROBABILITIES, LogBase.TWO, TableSettings.DEFAULT_DIGITS);
    }
}
