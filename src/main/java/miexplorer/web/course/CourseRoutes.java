package miexplorer.web.course;

import io.javalin.config.RoutesConfig;
import miexplorer.web.Paths;
import miexplorer.web.Site;
import miexplorer.web.Templates;

/** The lesson at {@code /}. Its content does not depend on the request, so it is built once. */
public final class CourseRoutes {
    private CourseRoutes() {
    }

    public static void register(RoutesConfig routes, Templates templates, Site site) {
        Lesson lesson = Lesson.build(site);
        routes.get(Paths.HOME, ctx -> ctx.html(templates.render("course/lesson.jte", lesson)));
    }
}
