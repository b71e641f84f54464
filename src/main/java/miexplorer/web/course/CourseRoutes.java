package miexplorer.web.course;

import io.javalin.config.RoutesConfig;
import java.util.List;
import miexplorer.web.render.Templates;
import miexplorer.web.shared.AttentionTry;
import miexplorer.web.shared.EmbeddedExplorer;
import miexplorer.web.shared.JointExample;
import miexplorer.web.shared.ThreeWayExample;
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
            List<JointExample> examples, EmbeddedExplorer attention, AttentionTry attentionTry, EmbeddedExplorer threeWay,
            List<ThreeWayExample> threeWayExamples) {
        Lesson lesson = Lesson.build(site, explorer, examples, attention, attentionTry, threeWay, threeWayExamples);
        routes.get(Paths.HOME, ctx -> ctx.html(templates.render("course/lesson.jte", lesson)));
    }
}
