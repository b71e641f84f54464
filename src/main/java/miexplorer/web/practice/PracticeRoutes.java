package miexplorer.web.practice;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import miexplorer.practice.Answer;
import miexplorer.practice.Exercise;
import miexplorer.practice.ExerciseKind;
import miexplorer.web.form.Fields;
import miexplorer.web.http.Htmx;
import miexplorer.web.render.Csv;
import miexplorer.web.render.Format;
import miexplorer.web.render.Templates;
import miexplorer.web.site.Site;

/**
 * Practice: the learner computes, the app checks. {@code /practice} lists every kind of exercise by
 * the lesson's sections; {@code /practice/{kind}?level=L&seed=N} is one exercise at a stable address
 * (a GET without a seed picks one and redirects to it); its form posts an answer, a hint or the
 * solution (without JavaScript: a redirect to the state's own URL; with htmx: the exercise in place and
 * that URL pushed). Worksheets at {@code /practice/sheet}, their keys as CSV at
 * {@code POST /practice/sheet/keys}, and the JSON API at {@code /api/practice}.
 */
public final class PracticeRoutes {
    public static final String PATH = PracticeForm.PATH;
    private static final String TITLE = "Practice · MI Explorer";
    private static final String DESCRIPTION = "Exercises on entropy, mutual information and attention: compute the answer, and"
            + " the app checks it, names the mistake if it looks like a common one, and shows the worked steps one at a time.";

    private final Templates templates;
    private final Site site;
    private final ExplorerLinks links;
    private final SplittableRandom seeds = new SplittableRandom();

    private PracticeRoutes(Templates templates, Site site, ExplorerLinks links) {
        this.templates = templates;
        this.site = site;
        this.links = links;
    }

    public static void register(RoutesConfig routes, Templates templates, Site site, ExplorerLinks links) {
        PracticeRoutes r = new PracticeRoutes(templates, site, links);
        routes.get(PATH, r::index);
        routes.get(SheetView.PATH, r::sheet);
        routes.post(SheetView.KEYS_PATH, r::keys);
        routes.get(PATH + "/{kind}", r::get);
        routes.post(PATH + "/{kind}", r::post);
        routes.get(PracticeApi.PATH, PracticeApi::kinds);
        routes.get(PracticeApi.PATH + "/{kind}", PracticeApi::exercise);
        routes.post(PracticeApi.PATH + "/{kind}/check", PracticeApi::check);
    }

    /** A page around some content: its title, description and canonical URL. */
    public record Page<T>(T view, String title, String description, String canonical) {
    }

    private void index(Context ctx) {
        ctx.html(templates.render("practice/index.jte", new Page<>(Sections.all(), TITLE, DESCRIPTION, site.absolute(PATH))));
    }

    private static ExerciseKind kind(Context ctx) {
        ExerciseKind kind = ExerciseKind.fromId(ctx.pathParam("kind"));
        if (kind == null) {
            throw new NotFoundResponse();
        }
        return kind;
    }

    /** GET: the exercise at its address; without a seed, a new one, at its own address. */
    private void get(Context ctx) {
        PracticeForm form = PracticeForm.read(kind(ctx), Fields.ofQuery(ctx));
        if (form.seed() == null && form.errors().isEmpty()) {
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(form.withSeed(seeds.nextLong(ExerciseKind.MAX_SEED + 1)).url(), HttpStatus.SEE_OTHER);
            return;
        }
        ExerciseView view = ExerciseView.of(form, links);
        respond(ctx, view, view.status(), false);
    }

    /**
     * POST: an answer to check ({@code action=check}), one more step ({@code hint}) or the whole
     * solution ({@code solution}). Without htmx a form that can be read goes to its own URL (post,
     * redirect, get); with htmx the exercise comes back in place and that URL is pushed.
     */
    private void post(Context ctx) {
        Fields fields = Fields.ofForm(ctx);
        PracticeForm form = PracticeForm.read(kind(ctx), fields);
        String action = fields.last("action");
        if ("hint".equals(action) || "solution".equals(action)) {
            ExerciseView probe = ExerciseView.of(form, links);
            if (probe.ok()) {
                int steps = probe.steps().count();
                form = form.withHints("solution".equals(action) ? steps + 1 : Math.min(steps + 1, form.hints() + 1));
            }
        }
        ExerciseView view = ExerciseView.of(form, links, "check".equals(action));
        boolean readable = view.ok() && view.errors().isEmpty();
        if (!Htmx.isFragmentRequest(ctx) && readable) {
            ctx.header("Vary", Htmx.REQUEST);
            ctx.redirect(form.url(), HttpStatus.SEE_OTHER);
            return;
        }
        respond(ctx, view, readable ? 200 : HttpStatus.UNPROCESSABLE_CONTENT.getCode(), readable);
    }

    private void respond(Context ctx, ExerciseView view, int status, boolean push) {
        String canonical = view.ok() ? site.absolute(PracticeForm.exerciseUrl(view.form().kind(), view.form().level(),
                view.form().seed())) : null;
        Htmx.respond(ctx, templates, status, "practice/page.jte",
                () -> new Page<>(view, view.title() + " · Practice · MI Explorer", DESCRIPTION, canonical),
                "practice/exercise.jte", view, view.announcement(),
                push && view.placement().pushesUrl() ? view.form().url() : null);
    }

    /** A worksheet to print, or its key. */
    private void sheet(Context ctx) {
        SheetView view = SheetView.read(Fields.ofQuery(ctx));
        ctx.status(view.ok() ? 200 : 400);
        ctx.html(templates.render("practice/sheet.jte", new Page<>(view, view.title() + " · MI Explorer", DESCRIPTION,
                view.ok() ? site.absolute(view.url(view.key())) : null)));
    }

    /**
     * The keys of a sheet for a class: the body lists the students' identifiers, one a line, or as the
     * first column of a CSV (a header line whose first field is id, student, name or email is skipped).
     * Answers a CSV of student, exercise, kind, URL, the answer to the decimals asked, the exact value
     * and the unit: a row per student and exercise, for a gradebook.
     */
    private void keys(Context ctx) {
        SheetView settings = SheetView.read(Fields.ofQuery(ctx));
        if (!settings.ok()) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result(problems(settings));
            return;
        }
        List<String> students = students(ctx.body());
        if (students.isEmpty()) {
            ctx.status(400).contentType("text/plain; charset=utf-8")
                    .result("There are no students: send their identifiers as the body, one a line.\n");
            return;
        }
        if (students.size() > MAX_STUDENTS) {
            ctx.status(400).contentType("text/plain; charset=utf-8")
                    .result("There are " + students.size() + " students; one request takes at most " + MAX_STUDENTS + ".\n");
            return;
        }
        StringBuilder csv = new StringBuilder("student,exercise,kind,url,answer,exact,unit\r\n");
        for (String student : students) {
            SheetView mine;
            try {
                mine = new SheetView(settings.kindsText(), settings.nText(), settings.levelText(), settings.seedText(), student,
                        true, settings.sheet().forStudent(student), settings.errors());
            } catch (IllegalArgumentException e) {
                ctx.status(400).contentType("text/plain; charset=utf-8").result("Student “" + student + "”: " + e.getMessage() + ".\n");
                return;
            }
            for (SheetView.Item item : mine.items()) { // each with its whole solution: the key
                Exercise e = item.exercise();
                csv.append(Csv.field(student)).append(',').append(item.number()).append(',').append(e.kind().id()).append(',')
                        .append(Csv.field(site.absolute(item.url()))).append(',').append(Csv.field(item.view().roundedAnswer())).append(',')
                        .append(Csv.field(exact(e.expected()))).append(',').append(Csv.field(e.unit())).append("\r\n");
            }
        }
        ctx.header("Content-Disposition", "attachment; filename=\"keys.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The most students one keys request takes. */
    static final int MAX_STUDENTS = 2000;

    static List<String> students(String body) {
        List<String> out = new ArrayList<>();
        String[] lines = body.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String first = Csv.firstField(lines[i]).strip();
            if (first.isEmpty() || (i == 0 && first.toLowerCase(java.util.Locale.ROOT).matches("id|student|students|name|email"))) {
                continue;
            }
            if (!out.contains(first)) {
                out.add(first);
            }
        }
        return out;
    }

    private static String exact(Answer a) {
        if (a instanceof Answer.Scalar s) {
            return String.valueOf(s.value());
        }
        if (a instanceof Answer.Vector v) {
            StringBuilder b = new StringBuilder();
            for (double x : v.values()) {
                b.append(b.length() == 0 ? "" : "; ").append(x);
            }
            return b.toString();
        }
        return ((Answer.Choice) a).letter();
    }

    private static String problems(SheetView v) {
        StringBuilder b = new StringBuilder("This sheet cannot be made:\n");
        v.errors().asMap().forEach((field, message) -> b.append("- ").append(field).append(": ").append(message).append('\n'));
        return b.toString();
    }
}
