/**
 * The one explorer skeleton. An explorer ({@link miexplorer.web.explorer.Explorer}) says what it is
 * about and writes only what is its own: how its form is read from a request's fields, what its buttons
 * do, and how a form is checked and shown ({@link miexplorer.web.explorer.ExplorerView}).
 * {@link miexplorer.web.explorer.ExplorerRoutes#register} gives it the rest: its page and its form with
 * and without htmx, the pushed URL, {@code embed=1} and the lesson ({@link miexplorer.web.explorer.Placement}),
 * its presets in the gallery ({@link miexplorer.web.explorer.Preset}, {@link miexplorer.web.explorer.Example}),
 * its exports ({@link miexplorer.web.explorer.Export}) and the list of what is wrong with a form
 * ({@link miexplorer.web.explorer.Problem}). Its templates are in {@code templates/explorer/}.
 *
 * <p>The explorers are {@code web.mi}, {@code web.cmi} and {@code web.attention}, each with a templates
 * folder of the same name; the data page ({@code web.data}), the lesson ({@code web.course}), the
 * gallery ({@code web.examples}) and the experiments ({@code web.experiments}) are features too. No
 * feature imports another's package; {@code App}, which builds the app, is the one place that knows
 * every feature.
 */
package miexplorer.web.explorer;
