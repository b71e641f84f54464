/**
 * What every explorer has, whatever it explores: where it is shown ({@link miexplorer.web.explorer.Placement}:
 * its page, an iframe, the lesson), the list of what is wrong with its form
 * ({@link miexplorer.web.explorer.Problem}), its examples at stable addresses in the gallery
 * ({@link miexplorer.web.explorer.Example}), and what the lesson embeds of it
 * ({@link miexplorer.web.explorer.EmbeddedExplorer}). Its templates are in {@code templates/explorer/}.
 *
 * <p>Each explorer has its own package ({@code web.mi}, {@code web.cmi}, {@code web.attention}) and
 * templates folder of the same name, as do the data page ({@code web.data}), the lesson
 * ({@code web.course}) and the gallery ({@code web.examples}). No feature imports another's package;
 * {@code App}, which builds the app, is the one place that knows every feature.
 */
package miexplorer.web.explorer;
