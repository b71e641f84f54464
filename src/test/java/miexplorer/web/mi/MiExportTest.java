package miexplorer.web.mi;

import static miexplorer.testing.PageText.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import miexplorer.testing.JointReference;
import miexplorer.testing.Needs;
import miexplorer.testing.PageText;
import miexplorer.testing.PythonRun;
import miexplorer.testing.Tool;
import miexplorer.web.App;
import miexplorer.web.render.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exports: {@code /mi.py} run under Debian's Python 3 with NumPy prints exactly the numbers the
 * page shows; {@code /mi.csv} holds the table and the results, properly quoted; user text stays
 * inert in both; bad input answers 400 in plain text.
 *
 * <p>Without {@code /usr/bin/python3} and NumPy the script tests are skipped with a loud message,
 * except under {@code CI=true}, where that fails the run ({@code .ci/run} installs python3-numpy).
 */
class MiExportTest {
    
    private static Javalin app() {
        return App.create(App.Config.production());
    }

    // ---- the script prints the page's numbers --------------------------------------------------

    /** Tables of several shapes and kinds, each in all three bases, some with more decimals. */
    static Stream<Arguments> states() {
        List<String> tables = List.of(
                // the tutorial's weather table
                "x=Weather&y=Forecast&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun&p=0.36,0.04;0.12,0.48&kind=probabilities",
                // 2 × 3, fractions and a percentage
                "x=Colour&y=Size&xl=Red&xl=Blue&yl=S&yl=M&yl=L&p=1/10,20%25,0.1;0.3,1/10,0.2&kind=probabilities",
                // 3 × 4 counts
                "x=Sky&y=Plan&xl=Clear&xl=Cloudy&xl=Rain&yl=Beach&yl=Hike&yl=Museum&yl=Cinema"
                        + "&p=30,22,5,3;8,15,12,10;1,2,18,24&kind=counts",
                // a perfect predictor: H(X|Y) = 0
                "x=Light&y=Driver&xl=Red&xl=Amber&xl=Green&yl=Stops&yl=Slows&yl=Drives&p=0.45,0,0;0,0.1,0;0,0,0.45&kind=probabilities",
                // independent: I = 0 exactly, printed 0.000 (never -0.000)
                "x=Coin&y=Spinner&xl=H&xl=T&yl=R&yl=G&yl=B&p=0.06,0.15,0.09;0.14,0.35,0.21&kind=probabilities",
                // a zero row and a zero column
                "x=A&y=B&xl=a1&xl=a2&xl=a3&yl=b1&yl=b2&yl=b3&p=0.2,0.3,0;0.4,0.1,0;0,0,0&kind=probabilities",
                // 5 × 4 counts with uneven numbers
                "x=U&y=V&xl=u1&xl=u2&xl=u3&xl=u4&xl=u5&yl=v1&yl=v2&yl=v3&yl=v4"
                        + "&p=17,3,0,9;2,41,5,1;0,7,23,4;11,1,2,30;6,6,6,6&kind=counts");
        List<Arguments> out = new ArrayList<>();
        for (String t : tables) {
            for (String base : List.of("2", "e", "10")) {
                out.add(Arguments.of(t + "&base=" + base));
            }
        }
        out.add(Arguments.of(tables.get(0) + "&base=2&digits=6"));
        out.add(Arguments.of(tables.get(2) + "&base=e&digits=9"));
        out.add(Arguments.of(tables.get(6) + "&base=10&digits=12"));
        return out.stream();
    }

    @Needs(Tool.NUMPY)
    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void the_python_script_prints_the_numbers_the_page_shows(String query) throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res page = fetch(client, "/mi?" + query);
            assertEquals(200, page.code(), page.body());
            Map<String, String> shown = PageText.measures(page.body());
            assertEquals(6, shown.size(), "the page shows six measures");

            PageText.Res script = fetch(client, "/mi.py?" + query);
            assertEquals(200, script.code());
            assertEquals("text/x-python; charset=utf-8", script.header("Content-Type"));
            PythonRun run = PythonRun.script(script.body());
            assertEquals(0, run.exit(), run.out() + run.err());
            assertEquals(shown, printed(run.out()), "the script prints what the page shows\n" + run.out());
        });
    }

    @Test
    void the_script_on_the_page_is_the_one_served_at_mi_py() {
        JavalinTest.test(app(), (server, client) -> {
            String query = "x=Weather&y=Forecast&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun&p=0.36,0.04;0.12,0.48&kind=probabilities&base=2";
            String page = fetch(client, "/mi?" + query).body();
            Matcher code = Pattern.compile("<code id=\"py-code\">([^<]*)</code>").matcher(page);
            assertTrue(code.find(), "the page shows the script");
            assertEquals(fetch(client, "/mi.py?" + query).body(), PageText.unescape(code.group(1)));
            assertTrue(page.contains("href=\"/mi.py?" + query.replace("&", "&amp;") + "\""), "and links to it");
            assertTrue(page.contains("href=\"/mi.csv?" + query.replace("&", "&amp;") + "\""), "and to the CSV");
            assertTrue(page.contains("data-copy=\"py-code\""), "with a copy button for the code");
            // the fragment htmx swaps in carries the export too, so it follows every edit
            String fragment = fetch(client, "/mi?" + query, "HX-Request", "true").body();
            assertTrue(fragment.contains("<code id=\"py-code\">"), "the fragment holds the script");
        });
    }

    // ---- user text stays text ------------------------------------------------------------------

    /** Names and labels that would break naive escaping in Python, CSV or HTML. */
    static final List<String> HOSTILE = List.of(
            "quote\"s", "back\\slash", "new\nline", "tri'''ple", "dq\"\"\"x", "# not a comment", "é and ü",
            "emoji 😀", "rtl \u202e override", "nul\u0001ctl", "tab\there", "<script>alert(1)</script>", "=1+1");

    @Needs(Tool.NUMPY)
    @Test
    void hostile_labels_are_inert_in_the_script_and_print_back_exactly() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            List<String> rows = HOSTILE.subList(0, 7);
            List<String> cols = HOSTILE.subList(7, HOSTILE.size());
            String query = query("X \"name\" '''", "Y\\\n# y", rows, cols, "counts");
            PageText.Res script = fetch(client, "/mi.py?" + query);
            assertEquals(200, script.code(), script.body());
            for (String bad : List.of("\u202e", "\u0001")) {
                assertFalse(script.body().contains(bad), "an invisible character is written as an escape, not raw");
            }
            PythonRun run = PythonRun.script(script.body());
            assertEquals(0, run.exit(), run.err());
            assertEquals("", run.err(), "no warnings (python -W error turns a bad escape into an error)");
            String[] lines = run.out().split("\n", -1);
            // the labels print back exactly, line breaks included
            String expected = "X = X \"name\" ''': " + String.join(", ", rows) + "\n"
                    + "Y = Y\\\n# y: " + String.join(", ", cols) + "\n";
            assertTrue(run.out().startsWith(expected), "printed:\n" + run.out() + "\nexpected:\n" + expected);
            assertTrue(lines.length > 8);
            Map<String, String> shown = PageText.measures(fetch(client, "/mi?" + query).body());
            assertEquals(shown, printed(run.out()));
        });
    }

    @Test
    void python_string_literals_escape_what_must_be_escaped() {
        assertEquals("\"plain\"", Python.string("plain"));
        assertEquals("\"a\\\"b\"", Python.string("a\"b"));
        assertEquals("\"a\\\\b\"", Python.string("a\\b"));
        assertEquals("\"a\\nb\\r\\t\"", Python.string("a\nb\r\t"));
        assertEquals("\"\\x00\\x7f\\x85\"", Python.string("\u0000\u007f\u0085"));
        assertEquals("\"\\u202e\\u2028\\u200b\"", Python.string("\u202e\u2028\u200b"));
        assertEquals("\"é😀'''\"", Python.string("é😀'''"));
        assertEquals("\"\\ufffd\"", Python.string("\ud800"), "a lone surrogate");
    }

    @Test
    void hostile_labels_are_escaped_in_the_page_that_shows_the_script() {
        JavalinTest.test(app(), (server, client) -> {
            String page = fetch(client, "/mi?" + query("<img src=x onerror=alert(2)>", "Y", HOSTILE.subList(0, 7),
                    HOSTILE.subList(7, HOSTILE.size()), "counts")).body();
            assertFalse(page.contains("<script>alert"), "no raw script tag");
            assertFalse(page.contains("<img src=x"), "no raw img tag");
            assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown, escaped");
        });
    }

    // ---- CSV -----------------------------------------------------------------------------------

    @Test
    void the_csv_holds_the_table_and_the_results_at_full_precision() {
        JavalinTest.test(app(), (server, client) -> {
            PageText.Res res = fetch(client, "/mi.csv?x=Weather&y=Forecast&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun"
                    + "&p=0.36,0.04;0.12,0.48&kind=probabilities&base=2");
            assertEquals(200, res.code());
            assertEquals("text/csv; charset=utf-8", res.header("Content-Type"));
            assertEquals("attachment; filename=\"mi.csv\"", res.header("Content-Disposition"));
            List<List<String>> rows = parseCsv(res.body());
            assertEquals(List.of("X", "Weather"), rows.get(0));
            assertEquals(List.of("Y", "Forecast"), rows.get(1));
            assertEquals(List.of("unit", "bits"), rows.get(2));
            int grid = indexOf(rows, "P(x, y): Weather \\ Forecast");
            assertEquals(List.of("P(x, y): Weather \\ Forecast", "Forecast rain", "Forecast sun", "P(X)"), rows.get(grid));
            assertEquals("Rain", rows.get(grid + 1).get(0));
            assertEquals(0.36, Double.parseDouble(rows.get(grid + 1).get(1)), 1e-15);
            assertEquals(0.4, Double.parseDouble(rows.get(grid + 1).get(3)), 1e-15);
            assertEquals("P(Y)", rows.get(grid + 3).get(0));
            assertEquals(0.52, Double.parseDouble(rows.get(grid + 3).get(2)), 1e-15);

            JointReference w = JointReference.of(new double[][] {{0.36, 0.04}, {0.12, 0.48}});
            int m = indexOf(rows, "measure");
            assertEquals(List.of("measure", "value", "unit", "shown"), rows.get(m));
            Map<String, List<String>> measures = new LinkedHashMap<>();
            for (List<String> r : rows.subList(m + 1, rows.size())) {
                measures.put(r.get(0), r.subList(1, r.size()));
            }
            assertEquals(w.hX(), Double.parseDouble(measures.get("H(X)").get(0)), 1e-12);
            assertEquals(w.hXgivenY(), Double.parseDouble(measures.get("H(X | Y)").get(0)), 1e-12);
            assertEquals(w.mi(), Double.parseDouble(measures.get("I(X; Y)").get(0)), 1e-12);
            assertEquals(List.of("bits", "0.378"), measures.get("I(X; Y)").subList(1, 3));
            assertEquals(List.of("bits", "0.593"), measures.get("H(X | Y)").subList(1, 3));
            assertEquals(6, measures.size());
        });
    }

    @Test
    void csv_fields_are_quoted_and_formulas_defused() {
        JavalinTest.test(app(), (server, client) -> {
            List<String> xl = List.of("a,b", "say \"hi\"", "two\nlines", "=HYPERLINK(\"http://x\")");
            List<String> yl = List.of("-1", "+cmd|' /C calc'!A0", "@SUM(1)", "semi;colon");
            String body = fetch(client, "/mi.csv?" + query("X, the rows", "Y", xl, yl, "counts")).body();
            // the raw text: RFC 4180 quoting, CRLF line ends
            assertTrue(body.contains("\r\n\"a,b\","), body);
            assertTrue(body.contains("\r\n\"say \"\"hi\"\"\","), body);
            assertTrue(body.contains("\r\n\"two\nlines\","), body);
            assertTrue(body.contains("\r\n\"'=HYPERLINK(\"\"http://x\"\")\","), "a formula gets an apostrophe: " + body);
            List<List<String>> rows = parseCsv(body);
            assertEquals(List.of("X", "X, the rows"), rows.get(0));
            int grid = indexOf(rows, "P(x, y): X, the rows \\ Y");
            assertEquals(List.of("P(x, y): X, the rows \\ Y", "-1", "'+cmd|' /C calc'!A0", "'@SUM(1)", "semi;colon", "P(X)"),
                    rows.get(grid), "a number stays a number; formulas are defused");
            assertEquals(List.of("a,b", "say \"hi\"", "two\nlines", "'=HYPERLINK(\"http://x\")"),
                    List.of(rows.get(grid + 1).get(0), rows.get(grid + 2).get(0), rows.get(grid + 3).get(0), rows.get(grid + 4).get(0)));
        });
    }

    // ---- bad input -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"p=abc", "p=0.5,0.5;1", "p=0.5,0.2;0.1,0.1", "p=0.5,0;0,0.5&base=3", "p=",
            "p=0.5,0;0,0.5&kind=weights", "p=0.5,0;0,0.5&digits=99", "p=-1,2;0,0&kind=counts", "xl=A&xl=A&p=0.5;0.5",
            "p=1%2F0,1;1,1&kind=counts", "p=NaN,1;1,1&kind=counts"})
    void bad_input_answers_400_in_plain_text_never_500(String query) {
        JavalinTest.test(app(), (server, client) -> {
            for (String path : List.of("/mi.py?", "/mi.csv?")) {
                PageText.Res res = fetch(client, path + query);
                assertEquals(400, res.code(), path + query + ": " + res.body());
                assertTrue(res.header("Content-Type").startsWith("text/plain"), res.header("Content-Type"));
                assertTrue(res.body().startsWith("This table cannot be exported until it is fixed:\n- "), res.body());
                assertFalse(res.body().contains("<"), "plain text, not a page");
            }
        });
    }

    @Test
    void too_many_rows_are_refused_with_the_limit() {
        JavalinTest.test(app(), (server, client) -> {
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < 33; i++) {
                p.append(i > 0 ? ";" : "").append("1,1");
            }
            PageText.Res res = fetch(client, "/mi.py?kind=counts&p=" + p);
            assertEquals(400, res.code());
            assertTrue(res.body().contains("at most 32 rows"), res.body());
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static final Pattern PRINTED = Pattern.compile("^(H\\(X\\)|H\\(Y\\)|H\\(X, Y\\)|H\\(X \\| Y\\)|H\\(Y \\| X\\)|I\\(X; Y\\)) = (.+)$",
            Pattern.MULTILINE);

    /** The script's "H(X) = 0.971 bits" lines as "H(X)" → "0.971 bits". */
    static Map<String, String> printed(String out) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher matcher = PRINTED.matcher(out);
        while (matcher.find()) {
            m.put(matcher.group(1), matcher.group(2));
        }
        return m;
    }

    /** A state's query string: names, labels and a table of all-positive counts that fits them. */
    static String query(String x, String y, List<String> xl, List<String> yl, String kind) {
        StringBuilder q = new StringBuilder("x=").append(enc(x)).append("&y=").append(enc(y));
        xl.forEach(l -> q.append("&xl=").append(enc(l)));
        yl.forEach(l -> q.append("&yl=").append(enc(l)));
        q.append("&p=");
        for (int i = 0; i < xl.size(); i++) {
            q.append(i > 0 ? ";" : "");
            for (int j = 0; j < yl.size(); j++) {
                q.append(j > 0 ? "," : "").append(1 + (i * 7 + j * 3) % 5);
            }
        }
        return q.append("&kind=").append(kind).append("&base=2").toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int indexOf(List<List<String>> rows, String first) {
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isEmpty() && rows.get(i).get(0).equals(first)) {
                return i;
            }
        }
        fail("no row starting with " + first + " in " + rows);
        return -1;
    }

    /** An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                if (any || field.length() > 0) {
                    row.add(field.toString());
                }
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
                i++;
            } else {
                assertNotNull(c);
                assertFalse(c == '\n' || c == '\r', "a bare line break outside quotes at " + i);
                field.append(c);
                any = true;
            }
        }
        assertFalse(quoted, "an unterminated quote");
        return rows;
    }
}
