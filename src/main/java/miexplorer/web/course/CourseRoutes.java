package miexplorer.web.course;

import io.javalin.config.RoutesConfig;
import java.util.List;
import miexplorer.web.explorer.EmbeddedExplorer;
import miexplorer.web.render.Templates;
import miexplorer.web.site.Paths;
import miexplorer.web.site.Site;

/**
 * The lesson at {@code /}. Its content does not depend on the request, so it is built once. It
 * embeds the joint-table, attention and three-variable explorers, which {@code App} hands it (see {@link Lesson#build}),
 * as it hands the gallery the explorers' examples.
 */
public final class CourseRoutes {
    private CourseRoutes() {
    }

    public static void register(RoutesConfig routes, Templates templates, Site site, EmbeddedExplorer explorer,
            List<JointExample> examples, EmbeddedExplorer attention, AttentionTry attentionTry, EmbeddedExplorer cmi,
            List<CmiExample> cmiExamples) {
        Lesson lesson = Lesson.build(site, explorer, examples, attention, attentionTry, cmi, cmiExamples);
        routes.get(Paths.HOME, ctx -> ctx.html(templates.render("course/lesson.jte", lesson)));
    }
}
