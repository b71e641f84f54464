package miexplorer.web.examples;

import java.util.List;
import miexplorer.web.explorer.Example;

/**
 * The gallery: every explorer's examples, grouped by explorer.
 *
 * @param canonical the gallery's absolute URL
 */
public record GalleryPage(String canonical, List<Group> groups) {
    public static final String TITLE = "Examples · MI Explorer";
    public static final String DESCRIPTION =
            "Ready-made tables with stable links: independence, perfect prediction, a noisy channel and more, each opened live in the explorer.";

    /** One explorer's examples. */
    public record Group(String explorer, List<Example> examples) {
    }
}
