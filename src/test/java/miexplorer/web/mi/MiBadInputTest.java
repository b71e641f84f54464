package miexplorer.web.mi;

import static miexplorer.testing.PageText.get;
import static miexplorer.testing.PageText.miValue;
import static miexplorer.testing.PageText.raw;
import static miexplorer.testing.PageText.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import miexplorer.testing.Form;
import miexplorer.testing.PageText.Res;
import miexplorer.web.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to the joint-table explorer, never a stack trace, and an edit's whole answer. */
class MiBadInputTest extends MiWebTests {
    // ---- 7. bad input --------------------------------------------------------------------------

    /** One kind of bad form input: what is posted, where its message appears, and what it says. */
    record Bad(String name, Form form, String errorId, String message, List<String> typed, String typedField) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> badForms() {
        List<String> cells = List.of("0.36", "0.04", "0.12", "0.48");
        List<Bad> all = new ArrayList<>();
        for (String[] c : new String[][] {
                {"a non-number", "abc", "is not a number"},
                {"a negative cell", "-0.1", "is negative"},
                {"NaN", "NaN", "NaN (not a number) is not allowed"},
                {"Infinity", "Infinity", "is not allowed: enter a finite number"},
                {"a decimal comma", "0,36", "write the decimal separator as a point (0.36)"},
                {"an empty cell", "", "Empty. Enter a number"}}) {
            List<String> typed = new ArrayList<>(cells);
            typed.set(2, c[1]);
            all.add(new Bad(c[0], weatherForm().set("c", typed.toArray(String[]::new)), "err-p-1-0", c[2], typed, "c"));
        }
        all.add(new Bad("a sum other than 1", weatherForm().set("c", "0.36", "0.04", "0.12", "0.40"), "err-sum",
                "add up to 0.92, not 1. Normalise the table", List.of("0.36", "0.04", "0.12", "0.40"), "c"));
        all.add(new Bad("all-zero counts", weatherForm().set("c", "0", "0", "0", "0").set("kind", "counts"), "err-table",
                "Every cell is 0", List.of("0", "0", "0", "0"), "c"));
        List<String> rows = new ArrayList<>();
        List<String> big = new ArrayList<>();
        for (int i = 1; i <= 33; i++) {
            rows.add("r" + i);
            big.add(String.valueOf(i));
            big.add("1");
        }
        all.add(new Bad("33 rows", weatherForm().set("xl", rows.toArray(String[]::new)).set("c", big.toArray(String[]::new))
                .set("kind", "counts"), "err-table", "at most 32 rows and 32 columns", rows, "xl"));
        all.add(new Bad("a repeated row label", weatherForm().set("xl", "Rain", "Rain"), "err-xl-1",
                "“Rain” already names row 1", List.of("Rain", "Rain"), "xl"));
        all.add(new Bad("a repeated column label", weatherForm().set("yl", "F", "F"), "err-yl-1",
                "“F” already names column 1", List.of("F", "F"), "yl"));
        all.add(new Bad("an empty row label", weatherForm().set("xl", "", "Sun"), "err-xl-0",
                "Empty label", List.of("", "Sun"), "xl"));
        all.add(new Bad("an empty variable name", weatherForm().set("x", ""), "err-x",
                "Give the variable a name", List.of(""), "x"));
        all.add(new Bad("a probability above 1", weatherForm().set("c", "0.36", "0.04", "1.5", "0.48"), "err-p-1-0",
                "is more than 1", List.of("0.36", "0.04", "1.5", "0.48"), "c"));
        all.add(new Bad("a division by zero", weatherForm().set("c", "0.36", "0.04", "1/0", "0.48"), "err-p-1-0",
                "divides by zero", List.of("0.36", "0.04", "1/0", "0.48"), "c"));
        all.add(new Bad("an unknown base", weatherForm().set("base", "3"), "err-base",
                "is not a log base offered here", List.of("0.36", "0.04", "0.12", "0.48"), "c"));
        return all.stream();
    }

    static Stream<Arguments> badFormsBothWays() {
        return badForms().flatMap(b -> Stream.of(Arguments.of(b, false), Arguments.of(b, true)));
    }

    @ParameterizedTest(name = "{0}, htmx = {1}")
    @MethodSource("badFormsBothWays")
    void every_bad_input_gets_its_message_beside_the_field_a_4xx_and_the_typed_values_back(Bad bad, boolean htmx) {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, bad.form, htmx);
            assertEquals(422, res.code(), "status");
            assertNull(res.header("HX-Push-Url"), "an invalid state is not pushed");
            assertEquals(htmx, !res.body().contains("<html"), "htmx gets the fragment (so the message is swapped in), else the page");
            String message = errorText(res.body(), bad.errorId);
            assertNotNull(message, "a message with id " + bad.errorId);
            assertTrue(message.contains(bad.message), "message: " + message);
            assertEquals(bad.typed, inputs(res.body(), bad.typedField), "the typed values are back in the form");
            if (!bad.errorId.equals("err-table") && !bad.errorId.equals("err-sum") && !bad.errorId.equals("err-base")) {
                assertTrue(res.body().contains("aria-describedby=\"" + bad.errorId + "\""), "the field points at its message");
            }
            assertTrue(res.body().contains("id=\"problems\""), "the results say what to fix");
            // and each entry there that names a field links to it
            String problems = res.body().substring(res.body().indexOf("id=\"problems\""), res.body().indexOf("</div>", res.body().indexOf("id=\"problems\"")));
            Matcher link = Pattern.compile("<a href=\"#([^\"]+)\">").matcher(problems);
            while (link.find()) {
                assertTrue(res.body().contains(" id=\"" + link.group(1) + "\""), "the summary links to #" + link.group(1) + ", which is there");
            }
            assertNull(miValue(res.body()), "no result is shown for a bad table");
        });
    }

    @Test
    void the_summary_of_problems_names_each_cell_and_label_and_links_to_it() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/mi?xl=Rain&xl=Sun&yl=Wet&yl=&p=0.5,abc;0,-1", false);
            assertEquals(400, res.code());
            String body = res.body();
            String problems = body.substring(body.indexOf("id=\"problems\""), body.indexOf("</div>", body.indexOf("id=\"problems\"")));
            assertTrue(problems.contains("<li><a href=\"#c-0-1\">Cell (Rain, column 2)</a>: “abc” is not a number"), problems);
            assertTrue(problems.contains("<li><a href=\"#c-1-1\">Cell (Sun, column 2)</a>: -1 is negative"), problems);
            assertTrue(problems.contains("<li><a href=\"#yl-1\">Label of column 2</a>: Empty label"), problems);
            assertTrue(body.contains("<input id=\"c-0-1\""), "the link's target is the cell");
        });
    }

    @Test
    void a_table_that_does_not_sum_to_one_offers_one_click_normalisation() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, weatherForm().set("c", "0.36", "0.04", "0.12", "0.40"), true);
            assertEquals(422, res.code());
            assertTrue(sumError(res.body()).contains("Normalise the table (divide every cell by 0.92)"), sumError(res.body()));
            assertTrue(res.body().contains("<button type=\"submit\" name=\"action\" value=\"normalise\" id=\"act-normalise-sum\">"),
                    "a Normalise button sits in the message");
            // within 1e-9 of 1 is fine
            assertEquals(200, post(client, weatherForm().set("c", "0.36", "0.04", "0.12", "0.4800000001"), true).code());
            assertEquals(422, post(client, weatherForm().set("c", "0.36", "0.04", "0.12", "0.480000002"), true).code());
        });
    }

    @Test
    void a_ragged_get_answers_400_with_the_cells_shown() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/mi?p=0.5,0.5;1", false);
            assertEquals(400, res.code());
            String table = errorText(res.body(), "err-table");
            assertNotNull(table);
            assertTrue(table.contains("Row 2 has 1 cells, but the table has 2 columns"), table);
            assertEquals(List.of("0.5", "0.5", "1", ""), inputs(res.body(), "c"), "typed cells kept, the missing one empty");
            assertTrue(res.body().contains("<html"));
            assertEquals(400, get(client, "/mi?p=0.5,0.5;1", true).code());
        });
    }

    @Test
    void a_bad_cell_in_a_get_url_answers_400_with_its_message() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = get(client, "/mi?xl=A&xl=B&yl=C&yl=D&p=0.5,abc;0.25,0.25", false);
            assertEquals(400, res.code());
            assertTrue(errorText(res.body(), "err-p-0-1").contains("is not a number"));
            assertEquals(List.of("0.5", "abc", "0.25", "0.25"), inputs(res.body(), "c"));
            Res empty = get(client, "/mi?p=", false);
            assertEquals(400, empty.code());
            assertTrue(errorText(empty.body(), "err-table").contains("The table is empty"));
        });
    }

    @Test
    void an_oversized_form_body_answers_413_with_a_message() {
        JavalinTest.test(app(), (server, client) -> {
            String body = "x=Weather&c=" + "1".repeat((int) App.MAX_BODY + 1);
            Res res = raw(client, "/mi", body, "application/x-www-form-urlencoded", false);
            assertEquals(413, res.code());
            assertTrue(res.body().contains("too large"), res.body());
            assertTrue(res.body().contains("4 MB"), res.body());
        });
    }

    @Test
    void an_oversized_api_body_answers_413_with_a_json_message() {
        JavalinTest.test(app(), (server, client) -> {
            String body = "{\"p\": [[" + "0,".repeat((int) App.MAX_BODY / 2 + 1) + "1]]}";
            Res res = raw(client, "/api/mi", body, "application/json", false);
            assertEquals(413, res.code(), res.body());
            JsonNode errors = JSON.readTree(res.body()).get("errors");
            assertTrue(errors.get(0).get("message").asText().contains("too large"), res.body());
        });
    }

    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final String HOSTILE_ATTR = "\"><img src=x onerror=alert(2)>";

    @Test
    void hostile_labels_are_escaped_in_the_page_the_fragment_and_the_pushed_url() {
        JavalinTest.test(app(), (server, client) -> {
            Form form = weatherForm().set("x", HOSTILE_ATTR).set("xl", HOSTILE, "Sun");
            Res fragment = post(client, form, true);
            assertEquals(200, fragment.code());
            assertNoRawHostileText(fragment.body());
            assertTrue(fragment.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the label is shown, escaped");
            assertEquals(List.of(HOSTILE, "Sun"), inputs(fragment.body(), "xl"), "and comes back as typed");
            assertEquals(List.of(HOSTILE_ATTR), inputs(fragment.body(), "x"));

            String url = fragment.header("HX-Push-Url");
            for (String c : List.of("<", ">", "\"", " ")) {
                assertFalse(url.contains(c), "raw " + c + " in the pushed URL " + url);
            }
            assertTrue(url.contains("xl=%3Cscript%3Ealert%281%29%3C%2Fscript%3E"), url);
            Res page = get(client, url, false);
            assertEquals(200, page.code());
            assertNoRawHostileText(page.body());
            assertEquals(List.of(HOSTILE, "Sun"), inputs(page.body(), "xl"));

            Res redirect = post(client, form, false);
            assertEquals(303, redirect.code());
            assertEquals(url, redirect.header("Location"));

            // and in an error state, where the label is echoed in a message
            Res bad = post(client, form.set("xl", HOSTILE, HOSTILE), true);
            assertEquals(422, bad.code());
            assertNoRawHostileText(bad.body());
            assertTrue(errorText(bad.body(), "err-xl-1").contains(HOSTILE), "the message names the label (escaped in HTML)");
        });
    }

    @Test
    void unknown_actions_and_bad_settings_get_messages_not_errors() {
        JavalinTest.test(app(), (server, client) -> {
            Res action = post(client, weatherForm().set("action", "explode"), true);
            assertEquals(422, action.code());
            assertTrue(errorText(action.body(), "err-action").contains("is not something this form can do"));
            Res digits = get(client, "/mi?xl=A&xl=B&yl=C&yl=D&p=0.5,0;0,0.5&digits=99", false);
            assertEquals(400, digits.code());
            assertTrue(errorText(digits.body(), "err-digits").contains("from 1 to 15"));
            Res kind = get(client, "/mi?xl=A&xl=B&yl=C&yl=D&p=0.5,0;0,0.5&kind=weights", false);
            assertEquals(400, kind.code());
            assertTrue(errorText(kind.body(), "err-kind").contains("is not a kind of table"));
        });
    }

    // ---- 10. never a stack trace ---------------------------------------------------------------

    @Test
    void an_unknown_address_gets_a_plain_404_page() {
        JavalinTest.test(app(), (server, client) -> {
            Res missing = get(client, "/no-such-page", false);
            assertEquals(404, missing.code());
            assertTrue(missing.body().contains("There is no page at /no-such-page"), missing.body());
        });
    }

    @Test
    void an_unknown_address_answers_404_without_a_stack_trace() {
        JavalinTest.test(app(), (server, client) -> {
            Res missing = get(client, "/no-such-page", false);
            assertEquals(404, missing.code());
            assertTrue(missing.body().contains("<html"), "an HTML error page");
            Res apiMissing = raw(client, "/api/nothing", "{}", "application/json", false);
            assertEquals(404, apiMissing.code());
        });
    }

    @Test
    void odd_requests_get_plain_error_pages() {
        JavalinTest.test(app(), (server, client) -> {
            Res notJson = raw(client, "/api/mi", "p=1", "application/x-www-form-urlencoded", false);
            assertEquals(400, notJson.code());
            Res emptyForm = raw(client, "/mi", "", "application/x-www-form-urlencoded", false);
            assertTrue(emptyForm.code() == 303 || emptyForm.code() == 200, "an empty post is the default table: " + emptyForm.code());
            // a malformed escape is read leniently (as the text "%ZZ") or refused; either way no 500
            Res badEncoding = raw(client, "/mi", "xl=%ZZ&c=1", "application/x-www-form-urlencoded", true);
            assertTrue(badEncoding.code() == 200 || badEncoding.code() >= 400, "status " + badEncoding.code());
        });
    }

    // ---- an edit's answer is whole ------------------------------------------------------------

    /** What the folded section with id {@code id} holds in {@code html}, from its summary to its end. */
    private static String section(String html, String id) {
        int start = html.indexOf(" id=\"" + id + "\"");
        assertTrue(start >= 0, "a folded section " + id);
        int end = html.indexOf("</details>", start);
        return html.substring(html.indexOf("</summary>", start) + "</summary>".length(), end);
    }

    /*
     * The folded workings come with every answer, so opening one shows it at once. H(Y) of the
     * weather table, P(Y) = (0.48, 0.52): 0.999 bits, written out term by term.
     */
    @Test
    void an_edit_answer_carries_every_folded_working_in_full() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, weatherForm(), true);
            assertEquals(200, res.code());
            assertTrue(section(res.body(), "hy-working").contains("<mn>0.999</mn>"), res.body());
            assertTrue(section(res.body(), "code-working").contains("<code id=\"py-code\">"));
            assertSameState(client, res.body(), get(client, res.header("HX-Push-Url"), false).body());
        });
    }
}
