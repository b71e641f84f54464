/**
 * What more than one feature of the web app uses, so that no feature imports another's package.
 *
 * <p>Each explorer has its own package ({@code web.mi}, {@code web.attention}, {@code web.data}), as do
 * the lesson ({@code web.course}) and the gallery ({@code web.examples}), with a templates folder of the
 * same name. What several of them need lives here and in {@code templates/shared/}: where an explorer is
 * shown ({@link miexplorer.web.shared.Placement}), a joint table as typed and its canonical URL, the
 * analysis of a joint table and the templates that show it, and the record by which an explorer puts
 * its examples in the gallery. This package depends only on plain {@code web} and the maths packages.
 * {@code App}, which builds the app, is the one place that knows every feature.
 */
package miexplorer.web.shared;
