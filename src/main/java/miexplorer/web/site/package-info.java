/**
 * The site: where it is published and who may frame it ({@link miexplorer.web.site.Site}, the host's
 * settings), its static files under fingerprinted names ({@link miexplorer.web.site.Assets}), and the
 * paths that more than one page links to ({@link miexplorer.web.site.Paths}).
 */
package miexplorer.web.site;
