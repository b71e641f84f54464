package miexplorer.web.explorer;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import miexplorer.web.site.Paths;

/**
 * One preset of one explorer, at a stable address: {@code /examples/<slug>}. Each explorer makes its
 * own list (the joint-table explorer from its presets) and the gallery ({@code web.examples}) collects
 * them, so adding an explorer's examples to the gallery is one line in {@code App}, and neither side
 * imports the other.
 *
 * @param slug lower-case words joined by hyphens, unique across all explorers
 * @param title a few words, shown as the link and the page heading
 * @param description one line: what the example shows
 * @param explorer the name of the explorer it belongs to, which groups the gallery
 * @param page renders the explorer in this example's state as a full page
 */
public record Example(String slug, String title, String description, String explorer, Page page) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Renders an example: the explorer's own page, set to the example's state. */
    @FunctionalInterface
    public interface Page {
        void render(Context ctx, Example example) throws Exception;
    }

    public Example {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("example slug “" + slug + "” must be lower-case words joined by hyphens");
        }
        if (title == null || title.isBlank() || description == null || description.isBlank()) {
            throw new IllegalArgumentException("example " + slug + " needs a title and a description");
        }
    }

    /** The example's stable address. */
    public String path() {
        return Paths.EXAMPLES + "/" + slug;
    }
}
