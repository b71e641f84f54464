package miexplorer.web.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders jte templates to strings. In the packaged app the templates are classes compiled at build
 * time (jte-maven-plugin); in dev mode they are read from {@code templates/} and recompiled when
 * they change. Output is HTML-escaped unless a template says otherwise.
 */
public final class Templates {
    private final TemplateEngine engine;

    private Templates(TemplateEngine engine) {
        this.engine = engine;
    }

    public static Templates precompiled() {
        return new Templates(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    public static Templates hotReloading(Path directory) {
        TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(directory), ContentType.Html);
        engine.setTrimControlStructures(true); // as the jte-maven-plugin is configured, so dev shows the same HTML
        return new Templates(engine);
    }

    /** Renders a template that takes one parameter. */
    public String render(String name, Object model) {
        StringOutput out = new StringOutput(8192);
        engine.render(name, model, out);
        return out.toString();
    }

    /** Renders a template with named parameters. */
    public String render(String name, Map<String, Object> params) {
        StringOutput out = new StringOutput(1024);
        engine.render(name, params, out);
        return out.toString();
    }

    /**
     * Renders a template that takes one parameter into {@code out}: with a
     * UTF-8 buffer (the HTTP layer's Utf8Buffer), straight to the bytes a response sends, without building
     * a String first.
     */
    public void render(String name, Object model, TemplateOutput out) {
        engine.render(name, model, out);
    }

    /** Renders a template with named parameters into {@code out}. */
    public void render(String name, Map<String, Object> params, TemplateOutput out) {
        engine.render(name, params, out);
    }
}
