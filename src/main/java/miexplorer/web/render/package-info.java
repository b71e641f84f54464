/**
 * Rendering: jte templates ({@link miexplorer.web.render.Templates}), numbers as pages show them
 * ({@link miexplorer.web.render.Format}, {@link miexplorer.web.render.Decimals}), SVG coordinates and
 * colours ({@link miexplorer.web.render.Svg}), heatmaps ({@link miexplorer.web.render.Heatmap}), and the
 * literals of the exports ({@link miexplorer.web.render.Python}, {@link miexplorer.web.render.Csv}).
 */
package miexplorer.web.render;
