package miexplorer.web.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.practice.Answer;
import miexplorer.practice.Exercise;
import miexplorer.practice.ExerciseKind;
import miexplorer.practice.Level;
import miexplorer.practice.Mistake;
import miexplorer.testing.PageText;
import miexplorer.web.App;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Practice over HTTP: the list of exercises, one exercise with and without htmx (answers right, from
 * rounding, a named mistake, unreadable; hints; the solution; embed=1), the worksheets and their keys,
 * and the JSON API, whose expected values are the explorers' own APIs' numbers.
 */
class PracticeWebTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() {
        app = App.create(App.Config.production()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    record Res(int code, String body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static Res send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        PageText.checkSound(r.request().method() + " " + r.request().uri(), r.statusCode(), r.body());
        return new Res(r.statusCode(), r.body(), r);
    }

    private static Res get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private static Res post(String path, String form, boolean htmx) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return send(b);
    }

    private static Res json(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String typed(Answer a, int digits) {
        if (a instanceof Answer.Scalar s) {
            return String.valueOf(s.value());
        }
        if (a instanceof Answer.Vector v) {
            StringBuilder b = new StringBuilder();
            for (double x : v.values()) {
                b.append(b.length() == 0 ? "" : ", ").append(x);
            }
            return b.toString();
        }
        return ((Answer.Choice) a).letter();
    }

    // ---- pages ---------------------------------------------------------------------------------

    @Test
    void the_practice_page_lists_every_kind_by_lesson_section_with_its_levels() throws Exception {
        Res r = get("/practice");
        assertEquals(200, r.code);
        for (ExerciseKind k : ExerciseKind.values()) {
            assertTrue(r.body.contains(k.title().replace("'", "&#39;")) || r.body.contains(k.title()), k.id());
            for (Level l : k.levels()) {
                assertTrue(r.body.contains("href=\"/practice/" + k.id() + "?level=" + l.key() + "\""), k.id() + " " + l.key());
            }
        }
        assertTrue(r.body.contains("href=\"/#three-variables\""), "each section links to the lesson's");
    }

    @Test
    void an_exercise_without_a_seed_gets_one_at_its_own_stable_address() throws Exception {
        Res r = send(HttpRequest.newBuilder(URI.create(base + "/practice/mutual-information?level=medium")).GET());
        assertEquals(303, r.code);
        Matcher m = Pattern.compile("/practice/mutual-information\\?level=medium&seed=(\\d+)").matcher(r.header("Location"));
        assertTrue(m.matches(), r.header("Location"));
        Res page = get(r.header("Location"));
        assertEquals(page.body, get(r.header("Location")).body, "the same address, the same exercise");
        Exercise e = ExerciseKind.MUTUAL_INFORMATION.generate(Long.parseLong(m.group(1)), Level.MEDIUM);
        assertTrue(page.body.contains(e.question()), "the question as the maths layer words it");
        assertEquals(404, get("/practice/no-such-kind?level=easy&seed=1").code);
    }

    /*
     * The tutorial's table at seed 5 of conditional-entropy (easy) is the weather table with other
     * numbers; whatever they are, the exact answer is right, every mistake value is named, and text
     * that is not a number is refused beside the field with what was typed kept.
     */
    @Test
    void an_answer_is_judged_right_from_rounding_or_a_named_mistake_and_bad_text_is_refused_beside_the_field() throws Exception {
        Exercise e = ExerciseKind.CONDITIONAL_ENTROPY.generate(5, Level.EASY);
        String at = "/practice/conditional-entropy?level=easy&seed=5";
        Res right = get(at + "&answer=" + enc(typed(e.expected(), e.digits())));
        assertEquals(200, right.code);
        assertTrue(right.body.contains("Right: "), right.body);
        Mistake m = e.mistakes().get(0);
        Res wrong = get(at + "&answer=" + enc(typed(m.values().get(0), e.digits())));
        assertEquals(200, wrong.code);
        assertTrue(PageText.unescape(wrong.body).contains(m.message()), "the mistake named: " + m.id());
        assertTrue(wrong.body.contains("See the worked steps up to step"), "and the step where the routes part");
        Res bad = get(at + "&answer=" + enc("sin(1)"));
        assertEquals(400, bad.code);
        assertTrue(bad.body.contains("id=\"err-answer\""), "beside the field");
        assertTrue(bad.body.contains("value=\"sin(1)\""), "what was typed is kept");
        assertTrue(bad.body.contains("aria-invalid=\"true\""));
    }

    @Test
    void a_post_redirects_to_the_state_without_javascript_and_answers_in_place_with_htmx() throws Exception {
        Exercise e = ExerciseKind.MUTUAL_INFORMATION.generate(9, Level.EASY);
        String form = "level=easy&seed=9&hints=0&action=check&answer=" + enc(typed(e.expected(), e.digits()));
        Res plain = post("/practice/mutual-information", form, false);
        assertEquals(303, plain.code);
        assertTrue(plain.header("Location").startsWith("/practice/mutual-information?level=easy&seed=9&answer="), plain.header("Location"));
        Res htmx = post("/practice/mutual-information", form, true);
        assertEquals(200, htmx.code);
        assertFalse(htmx.body.contains("<html"), "a fragment");
        assertTrue(htmx.body.contains("id=\"announce\"") && htmx.body.contains("Right: "), "the verdict, announced");
        assertEquals(plain.header("Location"), htmx.header("HX-Push-Url"));
        Res bad = post("/practice/mutual-information", "level=easy&seed=9&action=check&answer=" + enc("0,38"), true);
        assertEquals(422, bad.code);
        assertTrue(bad.body.contains("value=\"0,38\"") && bad.body.contains("id=\"err-answer\""), bad.body);
        assertNull(bad.header("HX-Push-Url"), "a state that cannot be read is not pushed");
    }

    @Test
    void hints_show_the_explorers_own_steps_one_at_a_time_then_the_solution_with_the_explorer_link() throws Exception {
        Res one = post("/practice/mutual-information", "level=easy&seed=3&hints=0&action=hint&answer=", true);
        assertEquals(200, one.code);
        assertTrue(one.body.contains("Step 1: H(X)") && !one.body.contains("Step 2: H(X | Y)"), "one step");
        assertTrue(one.header("HX-Push-Url").endsWith("&hints=1"), one.header("HX-Push-Url"));
        Res two = post("/practice/mutual-information", "level=easy&seed=3&hints=1&action=hint", true);
        assertTrue(two.body.contains("Step 2: H(X | Y)") && !two.body.contains("Step 3:"), "the next");
        Res solution = post("/practice/mutual-information", "level=easy&seed=3&hints=1&action=solution", true);
        assertTrue(solution.body.contains("The solution") && solution.body.contains("Step 3: I(X; Y)"));
        Exercise e = ExerciseKind.MUTUAL_INFORMATION.generate(3, Level.EASY);
        assertTrue(solution.body.contains("answer-shown"));
        Matcher link = Pattern.compile("href=\"(/mi\\?[^\"]+)\">Open these numbers in the explorer").matcher(solution.body);
        assertTrue(link.find(), "the explorer link");
        Res explorer = get(PageText.unescape(link.group(1)));
        assertEquals(200, explorer.code);
        String shown = PageText.miValue(explorer.body);
        assertTrue(shown.startsWith(miexplorer.web.render.Format.fixed(((Answer.Scalar) e.expected()).value(), 3)),
                "the explorer shows the same I(X; Y): " + shown);
        for (ExerciseKind k : ExerciseKind.values()) {
            Res s = get("/practice/" + k.id() + "?level=hard&seed=11&hints=20");
            assertEquals(200, s.code, k.id());
            assertTrue(s.body.contains("The solution"), k.id());
        }
    }

    @Test
    void embedded_the_exercise_is_bare_and_stays_embedded() throws Exception {
        Res r = get("/practice/softmax-weights?level=easy&seed=4&embed=1");
        assertEquals(200, r.code);
        assertFalse(r.body.contains("<header class=\"site\""));
        assertTrue(r.body.contains("name=\"embed\" value=\"1\""));
        Res posted = post("/practice/softmax-weights", "level=easy&seed=4&embed=1&action=hint", true);
        assertTrue(posted.header("HX-Push-Url").endsWith("&embed=1"), posted.header("HX-Push-Url"));
    }

    // ---- worksheets ------------------------------------------------------------------------------

    @Test
    void a_worksheet_lists_its_exercises_without_answers_and_its_key_gives_them_for_each_student() throws Exception {
        String settings = "kinds=mutual-information,softmax-weights&n=2&level=easy&seed=2026";
        Res sheet = get("/practice/sheet?" + settings);
        assertEquals(200, sheet.code);
        assertEquals(4, PageText.count(sheet.body, "class=\"sheet-item\""));
        assertFalse(sheet.body.contains("answer-shown"), "no answers on the sheet");
        Res key = get("/practice/sheet?" + settings + "&key=1");
        assertEquals(4, PageText.count(key.body, "class=\"answer-shown\""));
        Res ada = get("/practice/sheet?" + settings + "&student=ada");
        assertNotEquals(sheet.body.replaceAll("ada", ""), ada.body.replaceAll("ada", ""), "her own numbers");
        assertEquals(ada.body, get("/practice/sheet?" + settings + "&student=ada").body, "made again, the same");
        Res csv = send(HttpRequest.newBuilder(URI.create(base + "/practice/sheet/keys?" + settings))
                .POST(HttpRequest.BodyPublishers.ofString("student\nada\nbob,extra column\n\"c, d\"\n")));
        assertEquals(200, csv.code);
        List<String> lines = csv.body.lines().toList();
        assertEquals("student,exercise,kind,url,answer,exact,unit", lines.get(0));
        assertEquals(1 + 3 * 4, lines.size(), "a row per student and exercise");
        assertTrue(lines.get(1).startsWith("ada,1,mutual-information,http://localhost:7070/practice/mutual-information?level=easy&seed="));
        assertTrue(lines.get(9).startsWith("\"c, d\",1,"), lines.get(9));
        // ada's first answer is the one her key page shows
        String adaKey = get("/practice/sheet?" + settings + "&student=ada&key=1").body;
        String answer = lines.get(1).split(",")[4];
        assertTrue(adaKey.contains("Answer: " + answer), answer);
        Res bad = get("/practice/sheet?kinds=nope&n=99&level=easy&seed=1");
        assertEquals(400, bad.code);
        assertTrue(bad.body.contains("“nope” is not a kind of exercise") && bad.body.contains("“99” is not a number of exercises"));
    }

    // ---- the API ---------------------------------------------------------------------------------

    @Test
    void the_api_lists_kinds_gives_an_exercise_without_its_answer_and_checks_answers() throws Exception {
        JsonNode kinds = JSON.readTree(get("/api/practice").body).get("kinds");
        assertEquals(ExerciseKind.values().length, kinds.size());
        assertEquals("marginal-probability", kinds.get(0).get("kind").asText());
        JsonNode ex = JSON.readTree(get("/api/practice/mutual-information?seed=5&level=easy").body);
        assertEquals("I(X;Y)", ex.get("asked").asText());
        assertEquals("bits", ex.get("unit").asText());
        assertEquals(3, ex.get("digits").asInt());
        assertEquals(2, ex.get("p").size());
        assertNull(ex.get("expected"), "the answer is not in it");
        Exercise e = ExerciseKind.MUTUAL_INFORMATION.generate(5, Level.EASY);
        double exact = ((Answer.Scalar) e.expected()).value();
        JsonNode right = JSON.readTree(json("/api/practice/mutual-information/check",
                "{\"seed\": 5, \"level\": \"easy\", \"answer\": \"" + exact + "\"}").body);
        assertTrue(right.get("correct").asBoolean());
        assertEquals(exact, right.get("expected").asDouble(), 0);
        Mistake base = e.mistakes().stream().filter(m -> m.id().equals("wrong-base")).findFirst().orElseThrow();
        JsonNode wrong = JSON.readTree(json("/api/practice/mutual-information/check",
                "{\"seed\": 5, \"level\": \"easy\", \"answer\": \"" + ((Answer.Scalar) base.values().get(0)).value() + "\"}").body);
        assertFalse(wrong.get("correct").asBoolean());
        assertEquals("wrong-base", wrong.get("mistake").asText());
        Res unknown = json("/api/practice/nope/check", "{\"seed\": 1, \"answer\": \"1\"}");
        assertEquals(404, unknown.code);
        Res badSeed = get("/api/practice/mutual-information?seed=-4&level=easy");
        assertEquals(400, badSeed.code);
        assertEquals("seed", JSON.readTree(badSeed.body).get("errors").get(0).get("field").asText());
        Res badAnswer = json("/api/practice/mutual-information/check", "{\"seed\": 5, \"level\": \"easy\", \"answer\": \"pi\"}");
        assertEquals(400, badAnswer.code);
        assertEquals("answer", JSON.readTree(badAnswer.body).get("errors").get(0).get("field").asText());
        Res badLevel = json("/api/practice/mutual-information/check", "{\"seed\": 5, \"level\": \"hardest\", \"answer\": \"1\"}");
        assertEquals("level", JSON.readTree(badLevel.body).get("errors").get(0).get("field").asText());
    }

    /**
     * The expected value of every kind that an explorer's API also computes is that API's number for the
     * exercise's own data, to 1e-12: 10 seeds of every kind and level through HTTP (the maths layer's
     * tests check 1 000 seeds against the same code directly).
     */
    @Test
    void expected_values_are_the_explorers_own_apis_numbers() throws Exception {
        int compared = 0;
        for (ExerciseKind k : ExerciseKind.values()) {
            for (Level l : k.levels()) {
                for (long seed = 0; seed < 10; seed++) {
                    JsonNode ex = JSON.readTree(get("/api/practice/" + k.id() + "?seed=" + seed + "&level=" + l.key()).body);
                    Exercise e = k.generate(seed, l);
                    Double fromApi = explorersNumber(e.asked(), ex);
                    if (fromApi == null) {
                        continue;
                    }
                    double expected = e.expected() instanceof Answer.Scalar s ? s.value() : ((Answer.Vector) e.expected()).values()[0];
                    assertEquals(expected, fromApi, 1e-12, k.id() + " " + l.key() + " " + seed);
                    compared++;
                }
            }
        }
        assertTrue(compared >= 300, compared + " exercises compared");
    }

    /** What the explorer's API says of the exercise's data for what it asks, or null when no API answers it. */
    private static Double explorersNumber(String asked, JsonNode ex) throws Exception {
        String table = "{\"p\": " + ex.get("p") + ", \"kind\": \"" + (ex.has("kind") ? ex.get("kind").asText() : "") + "\", \"base\": \""
                + (ex.has("base") ? ex.get("base").asText() : "2") + "\"}";
        switch (asked) {
            case "H(X)", "H(Y)", "H(X,Y)", "H(X|Y)", "H(Y|X)", "I(X;Y)", "plugin" -> {
                JsonNode mi = JSON.readTree(json("/api/mi", table).body);
                return mi.get(switch (asked) {
                    case "H(X)" -> "entropyX";
                    case "H(Y)" -> "entropyY";
                    case "H(X,Y)" -> "jointEntropy";
                    case "H(X|Y)" -> "conditionalEntropyXGivenY";
                    case "H(Y|X)" -> "conditionalEntropyYGivenX";
                    default -> "mutualInformation";
                }).asDouble();
            }
            case "I(X;Y|Z)", "I(X;Y;Z)" -> {
                JsonNode cmi = JSON.readTree(json("/api/cmi", table).body);
                return cmi.get(asked.equals("I(X;Y|Z)") ? "conditionalMutualInformationXYGivenZ" : "coInformation").asDouble();
            }
            case "weights", "H(alpha)", "effectiveKeys" -> {
                JsonNode att = JSON.readTree(json("/api/attention", "{\"q\": " + ex.get("q") + ", \"k\": " + ex.get("k") + ", \"scale\": "
                        + ex.get("scale") + ", \"temperature\": " + ex.get("temperature") + "}").body);
                return asked.equals("weights") ? att.get("weights").get(0).asDouble()
                        : att.get(asked.equals("H(alpha)") ? "entropyBits" : "effectiveKeys").asDouble();
            }
            default -> {
                return null;
            }
        }
    }
}
