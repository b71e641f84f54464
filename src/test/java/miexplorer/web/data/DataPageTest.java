package miexplorer.web.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import miexplorer.web.render.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The data page at /data: pasted and uploaded data, the GET URL of small data, the stepped permutation test. */
class DataPageTest extends DataWebTests {
    // ---- the page ----------------------------------------------------------------------------

    @Test
    void the_page_opens_on_the_example_with_its_numbers() throws Exception {
        Res r = get("/data", false);
        assertEquals(200, r.code());
        assertTrue(r.body().contains("<h1>Mutual information from your data</h1>"));
        assertEquals("0.1912", byId(r.body(), "est-mi"));
        assertEquals("5.3002", byId(r.body(), "est-g"));
        assertEquals("0.0213", byId(r.body(), "est-g-p"));
        assertEquals(List.of("rain", "sun"), rowHeaders(r.body()));
        assertTrue(r.body().contains("<a href=\"/data\">Your data</a>"), "the navigation links the page");
        assertNotNull(byId(r.body(), "perm-p"), "the example runs its permutation test");
    }

    @ParameterizedTest(name = "htmx = {0}")
    @ValueSource(booleans = {false, true})
    void pasted_text_posted_as_multipart_gives_the_same_numbers_as_the_api(boolean htmx) throws Exception {
        Res r = multipart(Map.of("text", TWENTY, "base", "e", "permutations", "0"), null, null, htmx);
        assertEquals(200, r.code(), r.body());
        JsonNode j = JSON.readTree(api("base=e", TWENTY).body());
        assertEquals(fixed(j.get("mutualInformation").asDouble()), byId(r.body(), "est-mi"));
        assertEquals(fixed(j.get("mutualInformationMillerMadow").asDouble()), byId(r.body(), "est-mi-mm"));
        assertEquals(fixed(j.get("gStatistic").asDouble()), byId(r.body(), "est-g"));
        assertEquals(htmx, !r.body().contains("<html"), "a fragment for htmx, a page otherwise");
        assertTrue(r.header("Vary").contains("HX-Request"));
        if (htmx) {
            assertTrue(r.body().contains("id=\"announce\""), "the announcement swaps in too");
            String pushed = r.header("HX-Push-Url");
            assertTrue(pushed.startsWith("/data?text=forecast%2Cweather%0Arain%2Crain"), pushed);
            Res again = get(pushed, false);
            assertEquals(byId(r.body(), "est-mi"), byId(again.body(), "est-mi"), "the pushed URL shows the same state");
        }
    }

    @Test
    void a_form_posted_urlencoded_works_too() throws Exception {
        String body = "text=" + URLEncoder.encode(TWENTY, StandardCharsets.UTF_8) + "&base=2";
        Res r = send(HttpRequest.newBuilder(URI.create(base + "/data")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "urlencoded");
        assertEquals(200, r.code());
        assertEquals("0.1912", byId(r.body(), "est-mi"));
    }

    /*
     * A client that posts the form urlencoded (curl -d, say) gets the page's own limits and words: the
     * pasted text's 190 KB, not the other routes' 4 MB, and never a silently dropped field (Jetty drops
     * a form over 200 000 bytes, which made 300 KB of text read as "there is no data").
     */
    @Test
    void a_form_posted_urlencoded_over_the_paste_limit_is_a_413_naming_this_pages_limits() throws Exception {
        for (int rows : new int[] {75_000, 3_000_000}) { // 300 KB and 12 MB of text
            String body = "x=0&text=" + URLEncoder.encode("x,y\n" + "a,b\n".repeat(rows), StandardCharsets.UTF_8) + "&base=e";
            Res r = send(HttpRequest.newBuilder(URI.create(base + "/data")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "urlencoded " + rows);
            assertEquals(413, r.code(), r.body());
            assertEquals("The pasted text is longer than 190 KB; choose it as a file instead (up to 50 MB).", byId(r.body(), "err-data"));
            assertFalse(r.body().contains("4 MB"), "not the limit of the other routes");
            assertTrue(r.body().contains("name=\"base\" value=\"e\" checked"), "the settings are kept");
        }
        String accented = "x,y\n" + "é,ü\nà,ö\n".repeat(15_000); // 150 000 characters, 1.6 MB once encoded
        Res fits = send(HttpRequest.newBuilder(URI.create(base + "/data")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=" + URLEncoder.encode(accented, StandardCharsets.UTF_8))).build(), "accented");
        assertEquals(200, fits.code(), fits.body());
        assertEquals("1.0000", byId(fits.body(), "est-mi"));
        Res malformed = send(HttpRequest.newBuilder(URI.create(base + "/data")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=%zz")).build(), "malformed");
        assertEquals(400, malformed.code(), malformed.body());
    }

    @Test
    void an_uploaded_file_is_used_instead_of_the_text_and_named_in_the_result() throws Exception {
        String tsv = "colour\tsize\nred\tbig\nred\tbig\nblue\tsmall\nblue\tsmall\n";
        Res r = multipart(Map.of("text", "ignored,when\na,file\nb,comes\n"), "sizes.tsv", tsv.getBytes(StandardCharsets.UTF_8), true);
        assertEquals(200, r.code(), r.body());
        assertTrue(byId(r.body(), "data-summary").contains("From the file sizes.tsv (50 bytes): 4 rows read (tab separated)"),
                byId(r.body(), "data-summary"));
        assertEquals("1.0000", byId(r.body(), "est-mi"));
        assertNull(r.header("HX-Push-Url"), "an upload has no URL of its own");
    }

    @Test
    void the_empirical_table_opened_in_the_explorer_gives_the_same_mutual_information() throws Exception {
        StringBuilder csv = new StringBuilder("a,b\n");
        Random random = new Random(3);
        for (int k = 0; k < 500; k++) {
            int x = random.nextInt(5);
            csv.append("x").append(x).append(',').append("y").append(random.nextInt(3) == 0 ? x % 3 : random.nextInt(4)).append('\n');
        }
        for (String unit : List.of("2", "e", "10")) {
            Res r = multipart(Map.of("text", csv.toString(), "base", unit), null, null, false);
            String link = hrefOf(r.body(), "mi-link");
            assertTrue(link.startsWith("/mi?x=a&y=b&xl=x"), link);
            assertTrue(link.contains("&kind=counts&base=" + unit), link);
            Res mi = get(link, false);
            assertEquals(200, mi.code());
            JsonNode j = JSON.readTree(api("base=" + unit, csv.toString()).body());
            double samples = j.get("mutualInformation").asDouble();
            String shown = byId(mi.body(), "mi-value");
            assertEquals(Format.fixed(samples, 3) + " " + (unit.equals("2") ? "bits" : unit.equals("e") ? "nats" : "hartleys"), shown);
            // and at full precision, through the explorer's API with the same counts
            StringBuilder p = new StringBuilder("[");
            for (int i = 0; i < j.get("counts").size(); i++) {
                p.append(i > 0 ? "," : "").append(j.get("counts").get(i).toString());
            }
            p.append("]");
            Res apiMi = send(HttpRequest.newBuilder(URI.create(base + "/api/mi")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"p\": " + p + ", \"kind\": \"counts\", \"base\": \"" + unit + "\"}")).build(), "api/mi");
            assertEquals(samples, JSON.readTree(apiMi.body()).get("mutualInformation").asDouble(), 1e-12);
        }
    }

    @Test
    void a_table_too_large_for_the_explorer_shows_32_categories_and_other_and_no_link() throws Exception {
        StringBuilder csv = new StringBuilder("id,g\n");
        for (int k = 0; k < 40; k++) {
            for (int rep = 0; rep <= k % 3; rep++) {
                csv.append("c").append(k).append(',').append(k % 2 == 0 ? "even" : "odd").append('\n');
            }
        }
        Res r = multipart(Map.of("text", csv.toString()), null, null, false);
        assertEquals(200, r.code(), r.body());
        List<String> rows = rowHeaders(r.body());
        assertEquals(33, rows.size(), rows.toString());
        assertEquals("other (8 categories)", rows.get(32));
        assertTrue(byId(r.body(), "gathered").contains("the other 8 of id are added up in the last row"), byId(r.body(), "gathered"));
        assertTrue(byId(r.body(), "mi-link-note").contains("40 × 2 categories"), byId(r.body(), "mi-link-note"));
        assertTrue(byId(r.body(), "counts-caption").contains("the 40 categories of id"));
        // The numbers come from all 40 × 2 categories: the API's, whose table has 40 rows, and not those of the 33 shown.
        JsonNode j = JSON.readTree(api("", csv.toString()).body());
        assertEquals(40, j.get("counts").size());
        assertEquals(fixed(j.get("mutualInformation").asDouble()), byId(r.body(), "est-mi"));
        assertEquals(fixed(j.get("gStatistic").asDouble()), byId(r.body(), "est-g"));
        assertEquals(39, j.get("degreesOfFreedom").asLong(), "(40 − 1)(2 − 1)");
    }

    @ParameterizedTest(name = "htmx = {0}")
    @ValueSource(booleans = {false, true})
    void bad_data_is_named_beside_the_field_and_what_was_typed_is_kept(boolean htmx) throws Exception {
        Res r = multipart(Map.of("text", "x,y\na,u\nb,v,w\n", "x", "x", "permutations", "50"), null, null, htmx);
        assertEquals(422, r.code());
        assertTrue(byId(r.body(), "err-data").startsWith("Line 3 has 3 fields"), byId(r.body(), "err-data"));
        assertTrue(r.body().contains(">\nx,y\na,u\nb,v,w\n</textarea>"), "the text is kept");
        assertTrue(r.body().contains("id=\"data-permutations\" name=\"permutations\" value=\"50\""));
        Res col = multipart(Map.of("text", TWENTY, "y", "<b>rain</b>"), null, null, htmx);
        assertEquals(422, col.code());
        assertTrue(byId(col.body(), "err-y").startsWith("No column is named “&lt;b&gt;rain&lt;/b&gt;”"), byId(col.body(), "err-y"));
        assertFalse(col.body().contains("<b>rain</b>"), "user text is escaped");
        assertTrue(col.body().contains("aria-invalid=\"true\" aria-describedby=\"err-y\""));
        Res empty = multipart(Map.of("text", "  "), null, null, htmx);
        assertEquals(422, empty.code());
        assertTrue(byId(empty.body(), "err-data").contains("paste some rows, or choose a file"));
        Res seed = multipart(Map.of("text", TWENTY, "permutations", "9", "seed", "abc"), null, null, htmx);
        assertEquals(422, seed.code());
        assertTrue(byId(seed.body(), "err-seed").contains("not a whole number"));
        Res binary = multipart(Map.of(), "sheet.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2}, htmx);
        assertEquals(422, binary.code());
        assertTrue(byId(binary.body(), "err-data").contains("ZIP archive"));
        Res emptyFile = multipart(Map.of("text", TWENTY), "empty.csv", new byte[0], htmx);
        assertEquals(422, emptyFile.code());
        assertTrue(byId(emptyFile.body(), "err-data").contains("The file “empty.csv” is empty"), "not the pasted text instead");
        Res one = multipart(Map.of("text", "x,y\na,u\na,v\n"), null, null, htmx);
        assertEquals(422, one.code());
        assertTrue(byId(one.body(), "err-x").contains("one category only"));
        // Bins asked for on a column of words: the message goes beside that column's Bins field, and says what to set.
        Res words = multipart(Map.of("text", "a,b\nq,1\nr,2\n", "xbins", "3", "ybins", "0"), null, null, htmx);
        assertEquals(422, words.code());
        assertEquals("None of the 2 rows can be used. The first: line 2, “q” in column “a” is not a number, so it cannot be"
                + " binned. To read column “a” as categories, set Bins for X to 0.", byId(words.body(), "err-xbins"));
        assertTrue(words.body().contains("aria-invalid=\"true\"\n               aria-describedby=\"err-xbins\""), "the field points at it");
        assertFalse(words.body().contains("id=\"err-data\""), "not beside the data");
        assertTrue(words.body().contains(">\na,b\nq,1\nr,2\n</textarea>"), "the text is kept");
        assertTrue(words.body().contains("id=\"data-xbins\" name=\"xbins\" value=\"3\""), "and the setting");
    }

    @Test
    void an_upload_over_50_mb_is_a_413_with_the_message_beside_the_file() throws Exception {
        byte[] big = new byte[51 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        Res r = multipart(Map.of("x", "0"), "big.csv", big, false);
        assertEquals(413, r.code(), r.body());
        assertTrue(byId(r.body(), "err-data").contains("larger than 50 MB"), r.body());
        // The settings came in the unread body: the page says why they are at their defaults.
        assertTrue(byId(r.body(), "err-data").contains("not even the settings sent with it, so they are back at their defaults"), r.body());
        for (int size : new int[] {190 * 1024 + 1, 1024 * 1024}) {
            Res paste = multipart(Map.of("text", "a,b\n".repeat(size / 4 + 1)), null, null, true);
            assertEquals(413, paste.code(), paste.body());
            assertTrue(byId(paste.body(), "err-data").contains("longer than 190 KB; choose it as a file instead"), paste.body());
        }
        Res fits = multipart(Map.of("text", "a,b\n" + "x,1\ny,2\n".repeat(20_000)), null, null, true);
        assertEquals(200, fits.code(), "160 KB of pasted text is read");
    }

    @Test
    void a_long_permutation_test_runs_in_steps_that_give_exactly_the_apis_answer_and_can_be_stopped() throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        Random random = new Random(9);
        for (int k = 0; k < 100_000; k++) {
            int x = random.nextInt(4);
            csv.append(x).append(',').append(random.nextInt(50) == 0 ? x : random.nextInt(4)).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        Res first = multipart(Map.of("permutations", "1000", "seed", "5"), "big.csv", file, true);
        assertEquals(200, first.code());
        Map<String, String> state = hidden(first.body());
        assertTrue(Long.parseLong(state.get("done")) < 1000, "the first step does part of the test: " + state);
        assertTrue(first.body().contains("hx-trigger=\"load, submit\""), "and the page asks for the next");
        Res stopped = permutations(state, "stop", true);
        assertTrue(paragraph(stopped.body(), "perm-result").startsWith("Stopped after " + state.get("done") + " of 1000 shuffles"),
                paragraph(stopped.body(), "perm-result"));
        assertFalse(stopped.body().contains("<form"), "a stopped test asks for nothing more");
        assertEquals("Permutation test stopped after " + state.get("done") + " of 1000 shuffles: p = "
                + paragraph(stopped.body(), "perm-result").replaceAll(".*: p = ([^ ]+) .*", "$1") + ".", announced(stopped.body()),
                "the live region says so");
        assertTrue(announced(first.body()).endsWith("Permutation test running: 1000 shuffles."), announced(first.body()));
        Res step = first;
        int steps = 0;
        while (step.body().contains("class=\"perm-steps\"")) {
            step = permutations(hidden(step.body()), null, true);
            assertEquals(200, step.code());
            assertFalse(step.body().contains("<html"), "a fragment");
            if (step.body().contains("class=\"perm-steps\"")) {
                assertNull(announced(step.body()), "a step in between is not announced");
            }
            steps++;
        }
        assertTrue(announced(step.body()).startsWith("Permutation test: p = " + byId(step.body(), "perm-p") + ", "), announced(step.body()));
        assertTrue(steps >= 2, "steps: " + steps);
        JsonNode j = JSON.readTree(apiBytes("permutations=1000&seed=5", file, "text/csv").body());
        assertEquals(miexplorer.web.data.DataView.pValue(j.get("permutationPValue").asDouble()), byId(step.body(), "perm-p"));
        assertTrue(paragraph(step.body(), "perm-result").contains("of 1000 shuffles gave at least the observed"),
                paragraph(step.body(), "perm-result"));
        // without JavaScript, the same state continues with a whole page and a Continue button
        Res page = permutations(state, "continue", false);
        assertTrue(page.body().contains("<html") && page.body().contains("id=\"perm-p\""), "no JS: one big step finishes it");
        // and it says where the table went, rather than offer a link to /data as if the table were there
        assertTrue(page.body().contains("Your table and its other estimates are on the page where you started the test"), page.body());
        assertFalse(page.body().contains("Go back to <a href=\"/data\">the data page</a>"));
    }

    @Test
    void a_tampered_permutation_state_is_a_400() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>(Map.of("t", "1,2;3", "seed", "1", "total", "10", "done", "0", "atleast", "0"));
        assertEquals(400, permutations(bad, null, true).code());
        bad.put("t", "1,2;3,4");
        bad.put("done", "20");
        assertEquals(400, permutations(bad, null, true).code());
        bad.put("done", "0");
        bad.put("total", "1000000");
        assertEquals(400, permutations(bad, null, true).code());
        bad.put("total", "10");
        bad.put("t", "0,0;0,0");
        assertEquals(400, permutations(bad, null, true).code());
    }

    @Test
    void a_get_url_with_bad_settings_is_a_400_page_with_the_messages() throws Exception {
        Res r = get("/data?text=" + URLEncoder.encode(TWENTY, StandardCharsets.UTF_8) + "&base=7", false);
        assertEquals(400, r.code());
        assertTrue(byId(r.body(), "err-base").contains("not a log base"));
        Res bins = get("/data?text=" + URLEncoder.encode("v,w\n1,a\n2,b\n3,a\n4,b\n", StandardCharsets.UTF_8) + "&xbins=2", false);
        assertEquals(200, bins.code());
        assertEquals(List.of("[1, 2.5)", "[2.5, 4]"), rowHeaders(bins.body()));
    }

    @Test
    void random_bodies_and_settings_never_break_the_api_or_the_page() throws Exception {
        Random random = new Random(99);
        String alphabet = "ab,;\t\"\n\r 0123.e-\u00e9\0";
        String[] settings = {"", "x=1", "y=a", "bins=3", "xbins=2&binning=frequency", "header=false", "sep=tab", "permutations=5",
            "base=10", "x=%00", "bins=-", "seed=9999999999999999999999"};
        for (int trial = 0; trial < 150; trial++) {
            byte[] body;
            if (random.nextInt(4) == 0) {
                body = new byte[random.nextInt(300)];
                random.nextBytes(body);
            } else {
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(400); k > 0; k--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                body = text.toString().getBytes(StandardCharsets.UTF_8);
            }
            String query = settings[random.nextInt(settings.length)];
            Res r = apiBytes(query, body, "text/csv");
            assertTrue(r.code() == 200 || r.code() == 400 || r.code() == 415 || r.code() == 422, r.code() + " " + r.body());
            Res page = multipart(Map.of("x", random.nextBoolean() ? "" : "1"), "f.csv", body, random.nextBoolean());
            assertTrue(page.code() == 200 || page.code() == 422, page.code() + " " + page.body());
        }
    }
}
