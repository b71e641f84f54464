package miexplorer.web.site;

/**
 * URL paths and asset locations shared by Java code and templates, and the paths of the pages that
 * more than one feature links to. The static files the layout links
 * to carry a fingerprint of their content in their names (see {@link Assets}).
 */
public final class Paths {
    public static final String STATIC = "/static";
    public static final String CSS = Assets.BUNDLED.path("app.css");
    public static final String JS = Assets.BUNDLED.path("app.js");
    public static final String FAVICON = Assets.BUNDLED.path("favicon.svg");
    public static final String IDIOMORPH = Assets.BUNDLED.path("vendor/idiomorph-ext-0.8.0.min.js");
    /** htmx from its webjar (the version read from the webjar itself), served by this app. */
    public static final String HTMX = Assets.BUNDLED.path("vendor/htmx.min.js");

    /** The lesson. */
    public static final String HOME = "/";
    /** The joint-table explorer: where every feature that writes a joint table's URL points. */
    public static final String MI = "/mi";
    /** The three-variable explorer. */
    public static final String CMI = "/cmi";
    /** The attention explorer. */
    public static final String ATTENTION = "/attention";
    /** The √d_k experiment, beside the attention explorer. */
    public static final String SCALING = ATTENTION + "/scaling";
    /** The learned-attention experiment: does attention find the informative positions? */
    public static final String LEARNED = ATTENTION + "/learned";
    /** The example gallery; each example is at {@code /examples/<slug>}. */
    public static final String EXAMPLES = "/examples";
    /** Answers 200 while the app can serve: for load balancers and platforms. */
    public static final String HEALTH = "/healthz";

    private Paths() {
    }
}
