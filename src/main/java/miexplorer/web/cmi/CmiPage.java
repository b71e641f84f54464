package miexplorer.web.cmi;

import miexplorer.web.explorer.Example;

/**
 * The three-variable explorer's full page.
 *
 * @param canonical the absolute canonical URL, or null for a state with mistakes in it
 * @param example the example this page shows at its stable address, or null for {@code /cmi?…}
 */
public record CmiPage(CmiView view, String title, String description, String canonical, Example example) {
}
