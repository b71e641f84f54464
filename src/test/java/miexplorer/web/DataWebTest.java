package miexplorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import miexplorer.web.render.Format;
import miexplorer.web.site.HostingTestAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutual information from samples over HTTP: the API at /api/samples, the page at /data (pasted
 * text and uploads, with and without htmx), the permutation test in steps, every bad input, and the
 * link to /mi. Every response goes through {@link #send}, which fails on a 5xx or a stack trace.
 */
class DataWebTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Javalin app;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** The issue's table [[8, 2], [3, 7]] as 20 rows: forecast (X) against weather (Y). */
    private static final String TWENTY = twenty();

    private static String twenty() {
        StringBuilder sb = new StringBuilder("forecast,weather\n");
        sb.append("rain,rain\n".repeat(8)).append("rain,sun\n".repeat(2)).append("sun,rain\n".repeat(3)).append("sun,sun\n".repeat(7));
        return sb.toString();
    }

    @BeforeAll
    static void start() {
        app = App.create(App.Config.production()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    // ---- the API -----------------------------------------------------------------------------

    @Test
    void the_api_gives_the_issues_g_and_p_for_the_two_by_two_table() throws Exception {
        Res r = api("base=e", TWENTY);
        assertEquals(200, r.code, r.body);
        JsonNode j = JSON.readTree(r.body);
        assertEquals(5.300218, j.get("gStatistic").asDouble(), 5e-7);
        assertEquals(0.021323, j.get("gTestPValue").asDouble(), 5e-7);
        assertEquals(20, j.get("n").asLong());
        assertEquals("[\"rain\",\"sun\"]", j.get("xCategories").toString());
        assertEquals("[[8,2],[3,7]]", j.get("counts").toString());
        assertEquals("nats", j.get("unit").asText());
        assertEquals(5.300218036681883 / 40, j.get("mutualInformation").asDouble(), 1e-15);
        // Miller–Madow: I + (2 + 2 − 4 − 1)/(2·20) nats
        assertEquals(j.get("mutualInformation").asDouble() - 1 / 40.0, j.get("mutualInformationMillerMadow").asDouble(), 1e-15);
        assertEquals(0, j.get("skippedRows").asLong());
        assertNull(j.get("permutationPValue"), "only when asked");
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("n", "xName", "yName", "xCategories", "yCategories", "counts", "unit", "mutualInformation",
                "mutualInformationMillerMadow"), keys.subList(0, 9));
    }

    @Test
    void a_permutation_p_value_comes_when_asked_and_is_the_same_for_the_same_seed() throws Exception {
        JsonNode a = JSON.readTree(api("permutations=999&seed=7", TWENTY).body);
        JsonNode b = JSON.readTree(api("permutations=999&seed=7", TWENTY).body);
        double p = a.get("permutationPValue").asDouble();
        assertEquals(p, b.get("permutationPValue").asDouble(), 0);
        assertEquals(999, a.get("permutations").asLong());
        // Fisher's exact two-sided p for this table is 0.069779 (see SampleEstimatesTest); 999 shuffles land near it.
        assertEquals(0.0698, p, 0.025);
        assertEquals(0, Math.round(p * 1000 * 1e6) % 1_000_000, "p is (1 + k)/1000");
    }

    @Test
    void columns_are_chosen_by_name_or_position_and_tsv_is_detected() throws Exception {
        String tsv = "id\tcolour\tsize\n1\tred\tbig\n2\tred\tbig\n3\tblue\tsmall\n4\tblue\tbig\n";
        JsonNode byName = JSON.readTree(api("x=colour&y=size", tsv).body);
        JsonNode byPosition = JSON.readTree(api("x=1&y=2", tsv).body);
        assertEquals("colour", byName.get("xName").asText());
        assertEquals(byName.get("mutualInformation").asDouble(), byPosition.get("mutualInformation").asDouble(), 0);
        assertEquals("[[2,0],[1,1]]", byName.get("counts").toString());
        JsonNode noHeader = JSON.readTree(api("header=false", "a,u\na,u\nb,v\n").body);
        assertEquals("column 0", noHeader.get("xName").asText());
        assertEquals(3, noHeader.get("n").asLong());
    }

    @Test
    void rows_with_empty_values_are_counted_and_reported_with_their_lines() throws Exception {
        JsonNode j = JSON.readTree(api("", "x,y\na,u\n,u\nb,v\nb,\na,u\n").body);
        assertEquals(2, j.get("skippedRows").asLong());
        assertEquals(5, j.get("rows").asLong());
        assertEquals(3, j.get("n").asLong());
        assertEquals(3, j.get("skipped").get(0).get("line").asLong());
        assertEquals("no value in column “x”", j.get("skipped").get(0).get("reason").asText());
        assertEquals(5, j.get("skipped").get(1).get("line").asLong());
    }

    @Test
    void numeric_columns_are_binned_when_asked() throws Exception {
        StringBuilder csv = new StringBuilder("v,w\n");
        for (int k = 0; k < 100; k++) {
            csv.append(k).append(',').append(k < 50 ? 0.5 : 7.25).append('\n');
        }
        JsonNode j = JSON.readTree(api("bins=2", csv.toString()).body);
        assertEquals("[\"[0, 49.5)\",\"[49.5, 99]\"]", j.get("xCategories").toString());
        assertEquals("[[50,0],[0,50]]", j.get("counts").toString());
        assertEquals(1, j.get("mutualInformation").asDouble(), 1e-12);
        JsonNode q = JSON.readTree(api("xbins=4&ybins=0&binning=frequency", csv.toString()).body);
        assertEquals(4, q.get("xCategories").size());
        assertEquals("[\"0.5\",\"7.25\"]", q.get("yCategories").toString());
    }

    @Test
    void every_bad_input_gets_a_4xx_and_a_message_that_names_the_problem() throws Exception {
        assertProblem(api("", ""), 400, "body", "There is no data");
        assertProblem(api("", "x,y\n"), 400, "body", "no data rows below the header");
        assertProblem(api("", "x,y\na,u\nb,v,w\n"), 400, "body", "Line 3 has 3 fields but the header has 2");
        assertProblem(api("x=colour", "x,y\na,u\n"), 400, "x", "No column is named “colour”");
        assertProblem(api("y=9", "x,y\na,u\n"), 400, "y", "There is no column 9");
        assertProblem(api("", "x,y\na,u\na,v\n"), 400, "x", "has one category only (“a”)");
        assertProblem(api("", "x,y\n\"a,u\nb,v\n"), 400, "body", "never closed");
        assertProblem(api("", "just one column\nrow\n"), 400, "body", "one field only");
        assertProblem(apiBytes("", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}, "text/csv"), 415, "body", "ZIP");
        assertProblem(apiBytes("", "x,y\ncaf\u00e9,u\nb,v\n".getBytes(StandardCharsets.ISO_8859_1), "text/csv"), 415, "body", "not UTF-8");
        assertProblem(api("bins=many", TWENTY), 400, "bins", "whole number from 0");
        assertProblem(api("xbins=-1", TWENTY), 400, "xbins", "whole number from 0");
        assertProblem(api("base=3", TWENTY), 400, "base", "not a log base");
        assertProblem(api("sep=pipe", TWENTY), 400, "sep", "not a separator");
        assertProblem(api("binning=log", TWENTY), 400, "binning", "not a binning");
        assertProblem(api("permutations=1000000", TWENTY), 400, "permutations", "whole number from 0 (no test) to 100000");
        assertProblem(api("permutations=10&seed=x", TWENTY), 400, "seed", "not a whole number");
        assertProblem(api("header=maybe", TWENTY), 400, "header", "not true or false");
        assertProblem(api("bins=2", "x,y\nlow,1\nhigh,2\n"), 400, "bins", "set Bins for X to 0");
        assertProblem(api("ybins=2", "x,y\n1,low\n2,high\n"), 400, "ybins", "set Bins for Y to 0");
        assertProblem(api("", "x,y\n,a\n,b\n"), 400, "body", "None of the 2 rows can be used. The first: line 2, no value in column “x”.");
        assertProblem(apiBytes("", "x,y\na,u\n".getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=x"), 415, "body",
                "not a multipart form");
    }

    @Test
    void too_much_permutation_work_for_one_request_is_refused_with_the_most_it_takes() throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        Random random = new Random(1);
        for (int k = 0; k < 200_000; k++) {
            csv.append(random.nextInt(3)).append(',').append(random.nextInt(3)).append('\n');
        }
        Res r = api("permutations=5000", csv.toString());
        assertProblem(r, 422, "permutations", "ask for at most 999");
    }

    @Test
    void a_body_over_50_mb_is_a_413_read_as_a_stream_not_held_in_memory() throws Exception {
        long size = 51L * 1024 * 1024;
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/samples")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Rows(size))).build();
        Res r = send(req, "51 MB streamed");
        assertProblem(r, 413, "body", "larger than 50 MB");
    }

    /**
     * An answer known before the end of the body (too large, or a bad setting) waits until the rest has
     * been read. Answered at once, the server closed the connection with bytes unread, and the client,
     * still sending, could see a reset instead of the answer (CI failed that way once). Whether a
     * reset wins is timing, so the test asserts what shows the body was read: the connection is kept.
     */
    @Test
    void an_answer_given_before_the_end_of_a_large_body_is_sent_once_the_body_is_read() throws Exception {
        byte[] big = new byte[(int) (51L * 1024 * 1024)];
        try (InputStream rows = new Rows(big.length)) {
            assertEquals(big.length, rows.readNBytes(big, 0, big.length));
        }
        Res streamed = send(HttpRequest.newBuilder(URI.create(base + "/api/samples")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Rows(big.length))).build(), "51 MB streamed");
        Res declared = apiBytes("", big, "text/csv");
        Res badSetting = apiBytes("base=zz", big, "text/csv");
        Res page = multipart(Map.of("x", "0"), "big.csv", big, false);
        assertProblem(streamed, 413, "body", "larger than 50 MB");
        assertProblem(declared, 413, "body", "larger than 50 MB");
        assertProblem(badSetting, 400, "base", "is not a log base offered here");
        assertEquals(413, page.code, page.body);
        for (Res r : List.of(streamed, declared, badSetting, page)) {
            assertNull(r.header("Connection"), "the body was read to its end, so the connection stays open");
        }
    }

    /**
     * java.net.http on Java 17 waits for ever when a final answer comes instead of "100 Continue"
     * (fixed in later JDKs), so this client is a socket: it sends the headers and reads what comes.
     */
    @Test
    void a_client_that_waits_for_100_continue_is_answered_without_sending_a_body_refused_by_its_headers() throws Exception {
        for (String[] c : new String[][] {{"?base=zz", "6291456", "400"}, {"", "57671680", "413"}}) { // a bad setting; 55 MB
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST /api/samples" + c[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: text/csv\r\nContent-Length: " + c[1] + "\r\nExpect: 100-continue\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String head = HostingTestAccess.readResponse(socket.getInputStream());
                assertTrue(head.startsWith("HTTP/1.1 " + c[2] + " "), "answered at once, not asked for the body: " + head);
            }
        }
    }

    @Test
    void a_form_refused_while_it_is_read_is_read_to_its_end_first() throws Exception {
        // A field name over 1 024 bytes is refused as soon as it is seen, 20 MB before the end of the body.
        String body = "x".repeat(2000) + "=1&text=" + "a".repeat(20 * 1024 * 1024);
        Res r = send(HttpRequest.newBuilder(URI.create(base + "/data")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "a long field name");
        assertEquals(400, r.code, r.body);
        assertTrue(r.body.contains("field name longer than 1024 bytes"), r.body);
        assertNull(r.header("Connection"), "the rest of the body was read, so the connection stays open");
    }

    @Test
    void a_body_between_the_apps_4_mb_and_this_routes_50_mb_is_read() throws Exception {
        long size = 6L * 1024 * 1024;
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/samples")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Rows(size))).build();
        Res r = send(req, "6 MB");
        assertEquals(200, r.code, r.body);
        JsonNode j = JSON.readTree(r.body);
        assertTrue(j.get("n").asLong() > 190_000, r.body);
    }

    /** "x,y" then rows "a,u" / "b,v" / "a,v" … up to {@code size} bytes, made as they are read. */
    private static final class Rows extends InputStream {
        private static final byte[] HEAD = "x,y\n".getBytes(StandardCharsets.US_ASCII);
        /** 32 bytes a row, so 51 MB is 1.7 million rows: under the row limit, over the byte limit. */
        private static final byte[][] ROWS = {row("a", "u"), row("b", "v"), row("a", "v")};

        private static byte[] row(String x, String y) {
            return (x.repeat(15) + "," + y.repeat(15) + "\n").getBytes(StandardCharsets.US_ASCII);
        }
        private final long size;
        private long k;

        Rows(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (k >= size) {
                return -1;
            }
            long i = k++;
            if (i < HEAD.length) {
                return HEAD[(int) i];
            }
            long r = (i - HEAD.length) / 32;
            return ROWS[(int) (r % 3)][(int) ((i - HEAD.length) % 32)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (k >= size) {
                return -1;
            }
            int n = 0;
            while (n < len && k < size) {
                b[off + n++] = (byte) read();
            }
            return n;
        }
    }

    // ---- the page ----------------------------------------------------------------------------

    @Test
    void the_page_opens_on_the_example_with_its_numbers() throws Exception {
        Res r = get("/data", false);
        assertEquals(200, r.code);
        assertTrue(r.body.contains("<h1>Mutual information from your data</h1>"));
        assertEquals("0.1912", byId(r.body, "est-mi"));
        assertEquals("5.3002", byId(r.body, "est-g"));
        assertEquals("0.0213", byId(r.body, "est-g-p"));
        assertEquals(List.of("rain", "sun"), rowHeaders(r.body));
        assertTrue(r.body.contains("<a href=\"/data\">Your data</a>"), "the navigation links the page");
        assertNotNull(byId(r.body, "perm-p"), "the example runs its permutation test");
    }

    @ParameterizedTest(name = "htmx = {0}")
    @ValueSource(booleans = {false, true})
    void pasted_text_posted_as_multipart_gives_the_same_numbers_as_the_api(boolean htmx) throws Exception {
        Res r = multipart(Map.of("text", TWENTY, "base", "e", "permutations", "0"), null, null, htmx);
        assertEquals(200, r.code, r.body);
        JsonNode j = JSON.readTree(api("base=e", TWENTY).body);
        assertEquals(fixed(j.get("mutualInformation").asDouble()), byId(r.body, "est-mi"));
        assertEquals(fixed(j.get("mutualInformationMillerMadow").asDouble()), byId(r.body, "est-mi-mm"));
        assertEquals(fixed(j.get("gStatistic").asDouble()), byId(r.body, "est-g"));
        assertEquals(htmx, !r.body.contains("<html"), "a fragment for htmx, a page otherwise");
        assertTrue(r.header("Vary").contains("HX-Request"));
        if (htmx) {
            assertTrue(r.body.contains("id=\"announce\""), "the announcement swaps in too");
            String pushed = r.header("HX-Push-Url");
            assertTrue(pushed.startsWith("/data?text=forecast%2Cweather%0Arain%2Crain"), pushed);
            Res again = get(pushed, false);
            assertEquals(byId(r.body, "est-mi"), byId(again.body, "est-mi"), "the pushed URL shows the same state");
        }
    }

    @Test
    void a_form_posted_urlencoded_works_too() throws Exception {
        String body = "text=" + URLEncoder.encode(TWENTY, StandardCharsets.UTF_8) + "&base=2";
        Res r = send(HttpRequest.newBuilder(URI.create(base + "/data")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "urlencoded");
        assertEquals(200, r.code);
        assertEquals("0.1912", byId(r.body, "est-mi"));
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
            assertEquals(413, r.code, r.body);
            assertEquals("The pasted text is longer than 190 KB; choose it as a file instead (up to 50 MB).", byId(r.body, "err-data"));
            assertFalse(r.body.contains("4 MB"), "not the limit of the other routes");
            assertTrue(r.body.contains("name=\"base\" value=\"e\" checked"), "the settings are kept");
        }
        String accented = "x,y\n" + "é,ü\nà,ö\n".repeat(15_000); // 150 000 characters, 1.6 MB once encoded
        Res fits = send(HttpRequest.newBuilder(URI.create(base + "/data")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=" + URLEncoder.encode(accented, StandardCharsets.UTF_8))).build(), "accented");
        assertEquals(200, fits.code, fits.body);
        assertEquals("1.0000", byId(fits.body, "est-mi"));
        Res malformed = send(HttpRequest.newBuilder(URI.create(base + "/data")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=%zz")).build(), "malformed");
        assertEquals(400, malformed.code, malformed.body);
    }

    @Test
    void an_uploaded_file_is_used_instead_of_the_text_and_named_in_the_result() throws Exception {
        String tsv = "colour\tsize\nred\tbig\nred\tbig\nblue\tsmall\nblue\tsmall\n";
        Res r = multipart(Map.of("text", "ignored,when\na,file\nb,comes\n"), "sizes.tsv", tsv.getBytes(StandardCharsets.UTF_8), true);
        assertEquals(200, r.code, r.body);
        assertTrue(byId(r.body, "data-summary").contains("From the file sizes.tsv (50 bytes): 4 rows read (tab separated)"),
                byId(r.body, "data-summary"));
        assertEquals("1.0000", byId(r.body, "est-mi"));
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
            String link = hrefOf(r.body, "mi-link");
            assertTrue(link.startsWith("/mi?x=a&y=b&xl=x"), link);
            assertTrue(link.contains("&kind=counts&base=" + unit), link);
            Res mi = get(link, false);
            assertEquals(200, mi.code);
            JsonNode j = JSON.readTree(api("base=" + unit, csv.toString()).body);
            double samples = j.get("mutualInformation").asDouble();
            String shown = byId(mi.body, "mi-value");
            assertEquals(Format.fixed(samples, 3) + " " + (unit.equals("2") ? "bits" : unit.equals("e") ? "nats" : "hartleys"), shown);
            // and at full precision, through the explorer's API with the same counts
            StringBuilder p = new StringBuilder("[");
            for (int i = 0; i < j.get("counts").size(); i++) {
                p.append(i > 0 ? "," : "").append(j.get("counts").get(i).toString());
            }
            p.append("]");
            Res apiMi = send(HttpRequest.newBuilder(URI.create(base + "/api/mi")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"p\": " + p + ", \"kind\": \"counts\", \"base\": \"" + unit + "\"}")).build(), "api/mi");
            assertEquals(samples, JSON.readTree(apiMi.body).get("mutualInformation").asDouble(), 1e-12);
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
        assertEquals(200, r.code, r.body);
        List<String> rows = rowHeaders(r.body);
        assertEquals(33, rows.size(), rows.toString());
        assertEquals("other (8 categories)", rows.get(32));
        assertTrue(byId(r.body, "gathered").contains("the other 8 of id are added up in the last row"), byId(r.body, "gathered"));
        assertTrue(byId(r.body, "mi-link-note").contains("40 × 2 categories"), byId(r.body, "mi-link-note"));
        assertTrue(byId(r.body, "counts-caption").contains("the 40 categories of id"));
        // The numbers come from all 40 × 2 categories: the API's, whose table has 40 rows, and not those of the 33 shown.
        JsonNode j = JSON.readTree(api("", csv.toString()).body);
        assertEquals(40, j.get("counts").size());
        assertEquals(fixed(j.get("mutualInformation").asDouble()), byId(r.body, "est-mi"));
        assertEquals(fixed(j.get("gStatistic").asDouble()), byId(r.body, "est-g"));
        assertEquals(39, j.get("degreesOfFreedom").asLong(), "(40 − 1)(2 − 1)");
    }

    @ParameterizedTest(name = "htmx = {0}")
    @ValueSource(booleans = {false, true})
    void bad_data_is_named_beside_the_field_and_what_was_typed_is_kept(boolean htmx) throws Exception {
        Res r = multipart(Map.of("text", "x,y\na,u\nb,v,w\n", "x", "x", "permutations", "50"), null, null, htmx);
        assertEquals(422, r.code);
        assertTrue(byId(r.body, "err-data").startsWith("Line 3 has 3 fields"), byId(r.body, "err-data"));
        assertTrue(r.body.contains(">\nx,y\na,u\nb,v,w\n</textarea>"), "the text is kept");
        assertTrue(r.body.contains("id=\"data-permutations\" name=\"permutations\" value=\"50\""));
        Res col = multipart(Map.of("text", TWENTY, "y", "<b>rain</b>"), null, null, htmx);
        assertEquals(422, col.code);
        assertTrue(byId(col.body, "err-y").startsWith("No column is named “&lt;b&gt;rain&lt;/b&gt;”"), byId(col.body, "err-y"));
        assertFalse(col.body.contains("<b>rain</b>"), "user text is escaped");
        assertTrue(col.body.contains("aria-invalid=\"true\" aria-describedby=\"err-y\""));
        Res empty = multipart(Map.of("text", "  "), null, null, htmx);
        assertEquals(422, empty.code);
        assertTrue(byId(empty.body, "err-data").contains("paste some rows, or choose a file"));
        Res seed = multipart(Map.of("text", TWENTY, "permutations", "9", "seed", "abc"), null, null, htmx);
        assertEquals(422, seed.code);
        assertTrue(byId(seed.body, "err-seed").contains("not a whole number"));
        Res binary = multipart(Map.of(), "sheet.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2}, htmx);
        assertEquals(422, binary.code);
        assertTrue(byId(binary.body, "err-data").contains("ZIP archive"));
        Res emptyFile = multipart(Map.of("text", TWENTY), "empty.csv", new byte[0], htmx);
        assertEquals(422, emptyFile.code);
        assertTrue(byId(emptyFile.body, "err-data").contains("The file “empty.csv” is empty"), "not the pasted text instead");
        Res one = multipart(Map.of("text", "x,y\na,u\na,v\n"), null, null, htmx);
        assertEquals(422, one.code);
        assertTrue(byId(one.body, "err-x").contains("one category only"));
        // Bins asked for on a column of words: the message goes beside that column's Bins field, and says what to set.
        Res words = multipart(Map.of("text", "a,b\nq,1\nr,2\n", "xbins", "3", "ybins", "0"), null, null, htmx);
        assertEquals(422, words.code);
        assertEquals("None of the 2 rows can be used. The first: line 2, “q” in column “a” is not a number, so it cannot be"
                + " binned. To read column “a” as categories, set Bins for X to 0.", byId(words.body, "err-xbins"));
        assertTrue(words.body.contains("aria-invalid=\"true\"\n               aria-describedby=\"err-xbins\""), "the field points at it");
        assertFalse(words.body.contains("id=\"err-data\""), "not beside the data");
        assertTrue(words.body.contains(">\na,b\nq,1\nr,2\n</textarea>"), "the text is kept");
        assertTrue(words.body.contains("id=\"data-xbins\" name=\"xbins\" value=\"3\""), "and the setting");
    }

    @Test
    void an_upload_over_50_mb_is_a_413_with_the_message_beside_the_file() throws Exception {
        byte[] big = new byte[51 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        Res r = multipart(Map.of("x", "0"), "big.csv", big, false);
        assertEquals(413, r.code, r.body);
        assertTrue(byId(r.body, "err-data").contains("larger than 50 MB"), r.body);
        // The settings came in the unread body: the page says why they are at their defaults.
        assertTrue(byId(r.body, "err-data").contains("not even the settings sent with it, so they are back at their defaults"), r.body);
        for (int size : new int[] {190 * 1024 + 1, 1024 * 1024}) {
            Res paste = multipart(Map.of("text", "a,b\n".repeat(size / 4 + 1)), null, null, true);
            assertEquals(413, paste.code, paste.body);
            assertTrue(byId(paste.body, "err-data").contains("longer than 190 KB; choose it as a file instead"), paste.body);
        }
        Res fits = multipart(Map.of("text", "a,b\n" + "x,1\ny,2\n".repeat(20_000)), null, null, true);
        assertEquals(200, fits.code, "160 KB of pasted text is read");
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
        assertEquals(200, first.code);
        Map<String, String> state = hidden(first.body);
        assertTrue(Long.parseLong(state.get("done")) < 1000, "the first step does part of the test: " + state);
        assertTrue(first.body.contains("hx-trigger=\"load, submit\""), "and the page asks for the next");
        Res stopped = permutations(state, "stop", true);
        assertTrue(paragraph(stopped.body, "perm-result").startsWith("Stopped after " + state.get("done") + " of 1000 shuffles"),
                paragraph(stopped.body, "perm-result"));
        assertFalse(stopped.body.contains("<form"), "a stopped test asks for nothing more");
        assertEquals("Permutation test stopped after " + state.get("done") + " of 1000 shuffles: p = "
                + paragraph(stopped.body, "perm-result").replaceAll(".*: p = ([^ ]+) .*", "$1") + ".", announced(stopped.body),
                "the live region says so");
        assertTrue(announced(first.body).endsWith("Permutation test running: 1000 shuffles."), announced(first.body));
        Res step = first;
        int steps = 0;
        while (step.body.contains("class=\"perm-steps\"")) {
            step = permutations(hidden(step.body), null, true);
            assertEquals(200, step.code);
            assertFalse(step.body.contains("<html"), "a fragment");
            if (step.body.contains("class=\"perm-steps\"")) {
                assertNull(announced(step.body), "a step in between is not announced");
            }
            steps++;
        }
        assertTrue(announced(step.body).startsWith("Permutation test: p = " + byId(step.body, "perm-p") + ", "), announced(step.body));
        assertTrue(steps >= 2, "steps: " + steps);
        JsonNode j = JSON.readTree(apiBytes("permutations=1000&seed=5", file, "text/csv").body);
        assertEquals(miexplorer.web.data.DataView.pValue(j.get("permutationPValue").asDouble()), byId(step.body, "perm-p"));
        assertTrue(paragraph(step.body, "perm-result").contains("of 1000 shuffles gave at least the observed"),
                paragraph(step.body, "perm-result"));
        // without JavaScript, the same state continues with a whole page and a Continue button
        Res page = permutations(state, "continue", false);
        assertTrue(page.body.contains("<html") && page.body.contains("id=\"perm-p\""), "no JS: one big step finishes it");
        // and it says where the table went, rather than offer a link to /data as if the table were there
        assertTrue(page.body.contains("Your table and its other estimates are on the page where you started the test"), page.body);
        assertFalse(page.body.contains("Go back to <a href=\"/data\">the data page</a>"));
    }

    @Test
    void a_tampered_permutation_state_is_a_400() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>(Map.of("t", "1,2;3", "seed", "1", "total", "10", "done", "0", "atleast", "0"));
        assertEquals(400, permutations(bad, null, true).code);
        bad.put("t", "1,2;3,4");
        bad.put("done", "20");
        assertEquals(400, permutations(bad, null, true).code);
        bad.put("done", "0");
        bad.put("total", "1000000");
        assertEquals(400, permutations(bad, null, true).code);
        bad.put("total", "10");
        bad.put("t", "0,0;0,0");
        assertEquals(400, permutations(bad, null, true).code);
    }

    @Test
    void a_get_url_with_bad_settings_is_a_400_page_with_the_messages() throws Exception {
        Res r = get("/data?text=" + URLEncoder.encode(TWENTY, StandardCharsets.UTF_8) + "&base=7", false);
        assertEquals(400, r.code);
        assertTrue(byId(r.body, "err-base").contains("not a log base"));
        Res bins = get("/data?text=" + URLEncoder.encode("v,w\n1,a\n2,b\n3,a\n4,b\n", StandardCharsets.UTF_8) + "&xbins=2", false);
        assertEquals(200, bins.code);
        assertEquals(List.of("[1, 2.5)", "[2.5, 4]"), rowHeaders(bins.body));
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
            assertTrue(r.code == 200 || r.code == 400 || r.code == 415 || r.code == 422, r.code + " " + r.body);
            Res page = multipart(Map.of("x", random.nextBoolean() ? "" : "1"), "f.csv", body, random.nextBoolean());
            assertTrue(page.code == 200 || page.code == 422, page.code + " " + page.body);
        }
    }

    // ---- the nearest-neighbour estimate (estimator=ksg) ------------------------------------------

    /** n pairs "v,w" of correlated normal numbers, written as Java writes doubles, so they read back exactly. */
    private static double[][] normalPairs(int n, long seed, double rho) {
        Random random = new Random(seed);
        double[][] d = new double[2][n];
        for (int i = 0; i < n; i++) {
            d[0][i] = random.nextGaussian();
            d[1][i] = rho * d[0][i] + Math.sqrt(1 - rho * rho) * random.nextGaussian();
        }
        return d;
    }

    /** The pairs as CSV "v,w,g", g a label: "lo" where w &lt; 0, else "hi". */
    private static String csv(double[][] d) {
        StringBuilder sb = new StringBuilder("v,w,g\n");
        for (int i = 0; i < d[0].length; i++) {
            sb.append(d[0][i]).append(',').append(d[1][i]).append(',').append(d[1][i] < 0 ? "lo" : "hi").append('\n');
        }
        return sb.toString();
    }

    @Test
    void estimator_ksg_adds_the_ksg_estimate_for_numbers_ross_for_numbers_against_categories_and_says_which() throws Exception {
        double[][] d = normalPairs(400, 8, 0.7);
        String csv = csv(d);
        JsonNode j = JSON.readTree(api("estimator=ksg&k=4&seed=9&x=v&y=w", csv).body);
        assertEquals("ksg", j.get("estimatorKsg").asText());
        assertEquals(4, j.get("k").asInt());
        assertEquals(9, j.get("seed").asLong());
        assertEquals("numeric", j.get("xKind").asText());
        assertEquals(miexplorer.data.Ksg.estimate(d[0], d[1], "v", "w", 4, 9).in(miexplorer.info.LogBase.TWO),
                j.get("mutualInformationKsg").asDouble(), 0, "bits, the same doubles as Ksg's own");
        assertNull(j.get("notes"), "no ties, no note");
        assertEquals(100, j.get("counts").size() * j.get("counts").get(0).size(), "the table bins each numeric column in 10");

        int[] labels = new int[d[1].length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = d[1][i] < 0 ? (d[1][0] < 0 ? 0 : 1) : (d[1][0] < 0 ? 1 : 0); // codes by first appearance
        }
        double ross = miexplorer.data.RossEstimator.estimate(d[0], labels, "v", "g", 3, 1).nats();
        JsonNode vg = JSON.readTree(api("estimator=ksg&base=e&x=v&y=g", csv).body);
        JsonNode gv = JSON.readTree(api("estimator=ksg&base=e&x=g&y=v", csv).body);
        assertEquals("ross", vg.get("estimatorKsg").asText());
        assertEquals("categorical", vg.get("yKind").asText());
        assertEquals(ross, vg.get("mutualInformationKsg").asDouble(), 0);
        assertEquals(ross, gv.get("mutualInformationKsg").asDouble(), 0, "the numeric column is the continuous one either way");

        JsonNode categories = JSON.readTree(api("estimator=ksg", TWENTY).body);
        assertEquals("plugin", categories.get("estimatorKsg").asText(), "two categorical columns keep the plug-in estimate");
        assertEquals(categories.get("mutualInformation").asDouble(), categories.get("mutualInformationKsg").asDouble(), 0);
        assertNull(JSON.readTree(api("", csv).body).get("mutualInformationKsg"), "only when asked");

        StringBuilder rounded = new StringBuilder("a,b\n");
        for (int i = 0; i < 200; i++) {
            rounded.append(Math.round(d[0][i] * 2)).append(',').append(d[1][i]).append('\n');
        }
        JsonNode tied = JSON.readTree(api("estimator=ksg&seed=5", rounded.toString()).body);
        assertTrue(tied.get("notes").get(0).asText().matches("Ties: \\d+ rows of a repeat another row's value \\(of 200 pairs\\)\\..*"),
                tied.get("notes").toString());
        assertTrue(tied.get("notes").get(0).asText().contains("drawn with the seed 5"), tied.get("notes").toString());
    }

    @Test
    void every_bad_ksg_input_gets_a_message_beside_its_field_and_text_in_a_numeric_column_is_left_out_by_line() throws Exception {
        String csv = csv(normalPairs(50, 1, 0.5));
        assertProblem(api("estimator=knn", csv), 400, "estimator", "“knn” is not an estimator offered here: use plugin or ksg.");
        assertProblem(api("estimator=ksg&k=0", csv), 400, "k", "“0” neighbours: give a whole number from 1 to 50");
        assertProblem(api("estimator=ksg&k=51", csv), 400, "k", "from 1 to 50");
        assertProblem(api("estimator=ksg&seed=-1", csv), 400, "seed", "give a whole number from 0 to 4294967295.");
        assertProblem(api("estimator=ksg&k=5", "v,w\n1,2\n2,1\n3,4\n"), 400, "k",
                "There are 3 pairs to use; with k = 5 neighbours the estimator needs at least 6 (k + 1).");
        assertProblem(api("estimator=ksg", "v,w\n1,2\n1,3\n1,4\n1,5\n"), 400, "x", "Column “v” is constant: every one of its 4 numbers");
        assertProblem(api("estimator=ksg", "v,g\n1,a\n2,b\n3,c\n4,d\n5,e\n"), 400, "y", "Every category of “g” occurs once");
        JsonNode j = JSON.readTree(api("estimator=ksg", "v,w\n1,2\n2,abc\n3,1\n4,5\n5,3\n").body);
        assertEquals(4, j.get("n").asLong(), "the row with text in a numeric column is left out");
        assertEquals(3, j.get("skipped").get(0).get("line").asLong());
        assertEquals("“abc” in column “w” is not a number", j.get("skipped").get(0).get("reason").asText());
    }

    @Test
    void too_many_shuffles_of_the_ksg_estimate_for_one_request_are_refused_with_the_most_that_fit() throws Exception {
        String csv = csv(normalPairs(20_000, 2, 0.3));
        JsonNode plain = JSON.readTree(api("estimator=ksg&x=v&y=w", csv).body);
        long cells = (long) plain.get("counts").size() * plain.get("counts").get(0).size();
        long most = miexplorer.web.data.DataRoutes.SYNC_WORK / (20_000 + cells + miexplorer.data.NeighbourEstimate.shuffleWork(20_000, 3));
        assertProblem(api("estimator=ksg&x=v&y=w&permutations=1000", csv), 422, "permutations",
                "1000 permutations of the plug-in and KSG estimates of 20000 observations in a 10 × 10 table is more work than one"
                        + " request does; ask for at most " + most + ".");
    }

    @ParameterizedTest(name = "htmx = {0}")
    @ValueSource(booleans = {false, true})
    void the_ksg_estimate_on_the_page_is_the_apis_with_a_scatter_plot_and_the_binned_estimate_for_2_to_50_bins(boolean htmx)
            throws Exception {
        String csv = csv(normalPairs(300, 4, 0.6));
        Res r = multipart(Map.of("text", csv, "x", "v", "y", "w", "estimator", "ksg", "k", "4", "permutations", "0"), null, null, htmx);
        assertEquals(200, r.code, r.body);
        JsonNode j = JSON.readTree(api("estimator=ksg&k=4&x=v&y=w", csv).body);
        String ksg = Format.fixed(j.get("mutualInformationKsg").asDouble(), 3);
        assertEquals(ksg, byId(r.body, "est-ksg"), "three decimals: the estimate's spread makes more meaningless");
        assertTrue(byId(r.body, "ksg-why").startsWith("Both columns are numeric, so this is the Kraskov–Stögbauer–Grassberger"));
        assertEquals(fixed(j.get("mutualInformation").asDouble()), byId(r.body, "est-mi"), "and the plug-in estimate, from 10 bins");
        assertTrue(byId(r.body, "plugin-which").contains("v is cut into 10 bins and w into 10"), byId(r.body, "plugin-which"));
        assertTrue(r.body.contains("<svg role=\"img\" aria-labelledby=\"scatter-title scatter-desc\""), "the scatter plot");
        assertTrue(r.body.contains("<figcaption id=\"scatter-caption\">All 300 pairs are drawn.</figcaption>"));
        assertTrue(r.body.contains("<svg role=\"img\" aria-labelledby=\"bins-title bins-desc\""), "the chart");
        assertTrue(r.body.contains("The KSG estimate, " + ksg + " bits, is a horizontal line."), "its text alternative");
        String table = r.body.substring(r.body.indexOf("id=\"bins-table\""), r.body.indexOf("</table>", r.body.indexOf("id=\"bins-table\"")));
        assertEquals(49, table.split("<tr><td>", -1).length - 1, "a row for each of 2 … 50 bins");
        assertTrue(table.contains("<tr><td>10</td><td>" + Format.fixed(j.get("mutualInformation").asDouble(), 3) + "</td>"),
                "10 equal-width bins: the table's own estimate");
        if (htmx) {
            // Small pasted data gets a GET URL with the estimator's settings.
            Res small = multipart(Map.of("text", csv(normalPairs(40, 4, 0.6)), "estimator", "ksg", "k", "4", "permutations", "0"),
                    null, null, true);
            String pushed = small.header("HX-Push-Url");
            assertTrue(pushed.endsWith("&base=2&estimator=ksg&k=4&seed=1"), pushed);
            assertEquals(byId(small.body, "est-ksg"), byId(get(pushed, false).body, "est-ksg"), "the pushed URL shows the same state");
        } else {
            StringBuilder big = new StringBuilder("v,w\n");
            double[][] d = normalPairs(5000, 6, 0.2);
            for (int i = 0; i < 5000; i++) {
                big.append(d[0][i]).append(',').append(d[1][i]).append('\n');
            }
            Res file = multipart(Map.of("estimator", "ksg", "permutations", "0"), "big.csv", big.toString().getBytes(StandardCharsets.UTF_8), false);
            assertTrue(file.body.contains("<figcaption id=\"scatter-caption\">2000 of the 5000 pairs are drawn, taken evenly through"
                    + " the data (about one in 3), so that the picture stays quick; every pair is in the estimates.</figcaption>"));
            assertEquals(2000, file.body.split("h0", -1).length - 1, "2000 dots");
        }
    }

    @ParameterizedTest(name = "htmx = {0}")
    @ValueSource(booleans = {false, true})
    void a_bad_k_or_a_constant_column_is_named_beside_its_field_with_what_was_typed_kept(boolean htmx) throws Exception {
        String three = "v,w\n1,2\n2,1\n3,4\n";
        Res k = multipart(Map.of("text", three, "estimator", "ksg", "k", "3", "permutations", "0", "seed", "12"), null, null, htmx);
        assertEquals(422, k.code, k.body);
        assertEquals("There are 3 pairs to use; with k = 3 neighbours the estimator needs at least 4 (k + 1). Choose a smaller k,"
                + " or give more data.", byId(k.body, "err-k"));
        assertTrue(k.body.contains("aria-describedby=\"k-help err-k\""), "the field points at it");
        assertTrue(k.body.contains(">\n" + three + "</textarea>"), "the text is kept");
        assertTrue(k.body.contains("id=\"data-k\" name=\"k\" value=\"3\""), "and k");
        assertTrue(k.body.contains("name=\"estimator\" value=\"ksg\" checked"), "and the estimator");
        assertTrue(k.body.contains("id=\"data-seed\" name=\"seed\" value=\"12\""), "and the seed");
        Res zero = multipart(Map.of("text", three, "estimator", "ksg", "k", "zero"), null, null, htmx);
        assertEquals(422, zero.code);
        assertTrue(byId(zero.body, "err-k").startsWith("“zero” neighbours"), byId(zero.body, "err-k"));
        assertTrue(zero.body.contains("id=\"data-k\" name=\"k\" value=\"zero\""));
        Res constant = multipart(Map.of("text", "v,w\n5,1\n5,2\n5,3\n5,4\n5,6\n", "estimator", "ksg"), null, null, htmx);
        assertEquals(422, constant.code);
        assertTrue(byId(constant.body, "err-x").startsWith("Column “v” is constant"), byId(constant.body, "err-x"));
    }

    @Test
    void a_ksg_permutation_test_runs_in_steps_that_carry_the_pasted_text_and_give_exactly_the_apis_p_value() throws Exception {
        String csv = csv(normalPairs(300, 11, 0.08));
        Res first = multipart(Map.of("text", csv, "x", "v", "y", "w", "estimator", "ksg", "permutations", "3000", "seed", "3"),
                null, null, true);
        assertEquals(200, first.code, first.body);
        Map<String, String> state = ksgState(first.body);
        assertEquals("text", state.get("source"));
        assertEquals(csv, state.get("text"), "the text travels with the step");
        assertTrue(Long.parseLong(state.get("done")) < 3000, "the first step does part of the test: " + state);
        assertTrue(announced(first.body).contains(" KSG permutation test running: 3000 shuffles."), announced(first.body));
        Res step = first;
        int steps = 0;
        while (step.body.contains("id=\"ksg-perm-progress\"")) {
            step = multipart("/data/permutations", ksgState(step.body), null, null, true);
            assertEquals(200, step.code, step.body);
            steps++;
        }
        assertTrue(steps >= 1, "steps: " + steps);
        JsonNode j = JSON.readTree(api("estimator=ksg&x=v&y=w&permutations=3000&seed=3", csv).body);
        assertEquals(miexplorer.web.data.DataView.pValue(j.get("permutationPValueKsg").asDouble()), byId(step.body, "ksg-perm-p"));
        assertTrue(announced(step.body).startsWith("KSG permutation test: p = "), announced(step.body));

        Map<String, String> changed = new LinkedHashMap<>(state);
        changed.put("text", csv.replaceFirst("\n[^\n]*\n", "\n1,2,hi\n"));
        Res other = multipart("/data/permutations", changed, null, null, true);
        assertTrue(byId(other.body, "ksg-perm-result").startsWith("The data sent with this step is not the data the test began with"),
                byId(other.body, "ksg-perm-result"));
        Map<String, String> file = new LinkedHashMap<>(state);
        file.remove("text");
        file.put("source", "file");
        Res noFile = multipart("/data/permutations", file, null, null, false);
        assertTrue(byId(noFile.body, "ksg-perm-result").startsWith("The file this test shuffles was not sent with this step"),
                byId(noFile.body, "ksg-perm-result"));
        file.put("done", "9999");
        assertEquals(400, multipart("/data/permutations", file, null, null, true).code, "a tampered state");
    }

    /** The KSG test's step form: its hidden fields and the text it carries. */
    private static Map<String, String> ksgState(String html) {
        String form = html.substring(html.indexOf("id=\"ksg-permutation\""));
        form = form.substring(0, form.indexOf("</form>"));
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([a-z]+)\" value=\"([^\"]*)\">").matcher(form);
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        Matcher t = Pattern.compile("<textarea name=\"text\" hidden>\n(.*?)</textarea>", Pattern.DOTALL).matcher(form);
        if (t.find()) {
            out.put("text", t.group(1));
        }
        return out;
    }

    // ---- helpers -----------------------------------------------------------------------------

    record Res(int code, String body, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    private static Res send(HttpRequest req, String what) throws Exception {
        HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String body = r.body();
        assertFalse(body.contains("Exception"), what + ": the response mentions an Exception:\n" + body);
        assertFalse(body.contains("at miexplorer."), what + ": stack trace:\n" + body);
        assertTrue(r.statusCode() < 500, what + ": status " + r.statusCode() + "\n" + body);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h : List.of("Vary", "HX-Push-Url", "Content-Type", "Connection")) {
            headers.put(h, r.headers().allValues(h));
        }
        return new Res(r.statusCode(), body, headers);
    }

    private static Res api(String query, String csv) throws Exception {
        return apiBytes(query, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private static Res apiBytes(String query, byte[] body, String type) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/samples" + (query.isEmpty() ? "" : "?" + query)))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), "POST /api/samples?" + query);
    }

    private static Res get(String path, boolean htmx) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return send(b.build(), "GET " + path);
    }

    /** The page's form as multipart/form-data, with a file when {@code fileName} is not null. */
    private static Res multipart(Map<String, String> fields, String fileName, byte[] file, boolean htmx) throws Exception {
        return multipart("/data", fields, fileName, file, htmx);
    }

    private static Res multipart(String path, Map<String, String> fields, String fileName, byte[] file, boolean htmx) throws Exception {
        String boundary = "----test" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + (fileName == null ? "" : fileName)
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        if (file != null) {
            out.write(file);
        }
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return send(b.build(), "POST " + path + " " + fields.keySet() + " " + fileName);
    }

    private static Res permutations(Map<String, String> state, String action, boolean htmx) throws Exception {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : state.entrySet()) {
            body.append(body.length() > 0 ? "&" : "").append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        if (action != null) {
            body.append("&action=").append(action);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/data/permutations"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return send(b.build(), "POST /data/permutations " + action);
    }

    private static Map<String, String> hidden(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"(t|seed|total|done|atleast)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static void assertProblem(Res r, int status, String field, String words) throws Exception {
        assertEquals(status, r.code, r.body);
        JsonNode errors = JSON.readTree(r.body).get("errors");
        assertNotNull(errors, r.body);
        boolean found = false;
        for (JsonNode e : errors) {
            if (e.get("field").asText().equals(field) && e.get("message").asText().contains(words)) {
                found = true;
            }
        }
        assertTrue(found, "expected " + field + ": …" + words + "… in " + r.body);
    }

    /** The text of the element with this id, tags removed and entities as sent. */
    private static String byId(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</(td|p|strong|div|caption)>", Pattern.DOTALL).matcher(html);
        return m.find() ? m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip() : null;
    }

    /** The text swapped into the live region (out of band), or null when the answer has none. */
    private static String announced(String html) {
        Matcher m = Pattern.compile("<div id=\"announce\"[^>]*>(.*?)</div>", Pattern.DOTALL).matcher(html);
        return m.find() ? m.group(1).strip() : null;
    }

    /** The text of the paragraph with this id, tags removed. */
    private static String paragraph(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(html);
        return m.find() ? m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip() : "";
    }

    private static String hrefOf(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"><a href=\"([^\"]*)\"").matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    private static List<String> rowHeaders(String html) {
        String table = html.substring(html.indexOf("id=\"counts-table\""), html.indexOf("</tbody>", html.indexOf("id=\"counts-table\"")));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<th scope=\"row\"[^>]*>([^<]*)</th>").matcher(table);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String fixed(double v) {
        return Format.fixed(v, 4);
    }
}
