package miexplorer.web;

/** URL paths and asset locations shared by Java code and templates. */
public final class Paths {
    public static final String STATIC = "/static";
    public static final String CSS = STATIC + "/app.css";
    public static final String JS = STATIC + "/app.js";
    public static final String FAVICON = STATIC + "/favicon.svg";
    public static final String IDIOMORPH = STATIC + "/vendor/idiomorph-ext-0.8.0.min.js";
    /** htmx from its webjar, served by this app: the version is read from the webjar itself. */
    public static final String HTMX = "/webjars/htmx.org/" + webjarVersion("htmx.org") + "/dist/htmx.min.js";

    private Paths() {
    }

    private static String webjarVersion(String name) {
        String resource = "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
        try (var in = Paths.class.getResourceAsStream(resource)) {
            var p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (Exception e) {
            throw new IllegalStateException("the " + name + " webjar is not on the classpath", e);
        }
    }
}
