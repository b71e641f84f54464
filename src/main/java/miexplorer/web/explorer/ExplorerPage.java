package miexplorer.web.explorer;

/**
 * An explorer's full page: the explorer's view and what the page says around it.
 *
 * @param title the document title
 * @param description the meta description and link-preview text
 * @param canonical the absolute canonical URL, or null for a state with mistakes in it
 * @param example the example this page shows at its stable address, or null for the explorer's own address
 */
public record ExplorerPage<V>(V view, String title, String description, String canonical, Example example) {
}
