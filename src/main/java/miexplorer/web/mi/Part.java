package miexplorer.web.mi;

import java.util.List;
import java.util.Optional;

/**
 * The parts of a result that sit in folded sections ({@code <details>}) until the reader opens them:
 * worked steps beyond the main line, and the Python code. A whole page carries them all. An edit's
 * answer to htmx carries only those the reader has open (the form says which, in {@link #OPEN_PARAM});
 * the others come as a placeholder, and the page's script fetches one from {@link #PATH} when it is
 * opened. So each edit renders and sends only what can be seen.
 */
public enum Part {
    /** Step 2's conditional entropies, one column at a time (folded on tables of more than 12 cells). */
    COLUMNS("columns"),
    HY("hy"),
    HY_GIVEN_X("hyx"),
    HXY("hxy"),
    /** The divergence table (folded on tables of more than 12 cells). */
    DIVERGENCE("divergence"),
    CODE("code");

    /** Where one part of a state is served: {@code /mi/parts/hy?x=…} (the state's query). */
    public static final String PATH = MiForm.PATH + "/parts/{part}";
    /** The form field, repeated, that names each part the reader has open. */
    public static final String OPEN_PARAM = "open";

    private final String key;

    Part(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Part> of(String key) {
        for (Part p : values()) {
            if (p.key.equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The parts named in {@code keys} (unknown names are ignored). */
    public static List<Part> named(List<String> keys) {
        return keys == null ? List.of() : keys.stream().map(Part::of).flatMap(Optional::stream).toList();
    }
}
