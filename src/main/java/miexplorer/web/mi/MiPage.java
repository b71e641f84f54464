package miexplorer.web.mi;

import miexplorer.web.explorer.Example;

/**
 * The explorer's full page: the explorer and what the page says around it.
 *
 * @param title the document title
 * @param description the meta description and link-preview text
 * @param canonical the absolute canonical URL, or null for a state with mistakes in it
 * @param example the example this page shows at its stable address, or null for {@code /mi?…}
 */
public record MiPage(MiView view, String title, String description, String canonical, Example example) {
}
