package miexplorer.web.attention;

import static miexplorer.testing.AttentionReference.*;
import static miexplorer.testing.PageText.*;
import static miexplorer.testing.PageText.byId;
import static miexplorer.testing.PageText.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import miexplorer.testing.Form;
import miexplorer.testing.PageText.Res;
import org.junit.jupiter.api.Test;

/** The attention explorer's canonical URL and what its form's buttons do. */
class AttentionFormTest extends AttentionWebTests {
    // ---- 4. the canonical URL and the form's actions -------------------------------------------

    @Test
    void posting_with_htmx_pushes_the_canonical_url_which_reopens_the_same_state() {
        JavalinTest.test(app(), (server, client) -> {
            Res posted = post(client, sentenceForm(), true);
            assertEquals(200, posted.code());
            assertTrue(posted.body().strip().startsWith("<div id=\"att-explorer\""));
            assertTrue(posted.body().contains("<div id=\"announce\"") && posted.body().contains("hx-swap-oob"), "the OOB announcement");
            assertTrue(posted.header("Vary").contains("HX-Request"));
            assertEquals(SENTENCE, posted.header("HX-Push-Url"));

            Res changed = post(client, sentenceForm().set("q", "0.5, -1, 2, 1/4").set("temp", "0.8").set("digits", "6"), true);
            String url = changed.header("HX-Push-Url");
            assertNotNull(url);
            assertTrue(url.contains("q=0.5,+-1,+2,+1/4") && url.contains("temp=0.8") && url.contains("digits=6"), url);
            Res reopened = get(client, url, false);
            assertEquals(200, reopened.code());
            assertTrue(reopened.body().contains("<html"));
            assertEquals(explorer(changed.body()), explorer(reopened.body()), "the same state and numbers");
            assertEquals(List.of("0.5, -1, 2, 1/4"), inputs(reopened.body(), "q"), "typed as it was");
        });
    }

    @Test
    void posting_without_javascript_redirects_303_to_the_same_canonical_url() {
        JavalinTest.test(app(), (server, client) -> {
            Form form = sentenceForm().set("temp", "2").set("kl", "the", "cat", "a mat");
            String pushed = post(client, form, true).header("HX-Push-Url");
            Res posted = post(client, form, false);
            assertEquals(303, posted.code());
            assertTrue(posted.header("Vary").contains("HX-Request"), "the redirect varies on HX-Request too");
            assertEquals(pushed, posted.header("Location"));
            Res page = get(client, posted.header("Location"), false);
            assertEquals(200, page.code());
            assertEquals(List.of("the", "cat", "a mat"), inputs(page.body(), "kl"));
            // T = 2: s / (2·2) = (0.5, 0, 0.25)
            assertEquals(fixed(entropy(softmax(new double[] {0.5, 0, 0.25})), 3) + " bits", byId(page.body(), "att-entropy"));
            assertEquals(explorer(post(client, form, true).body()), explorer(page.body()));
        });
    }

    @Test
    void add_key_appends_a_zero_key_and_value() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, sentenceForm().set("action", "add-key"), true);
            assertEquals(200, res.code());
            assertEquals(List.of("the", "cat", "mat", "k4"), inputs(res.body(), "kl"));
            assertEquals(List.of("1, 0, 1, 0", "0, 1, 0, 1", "1, 1, 0, 0", "0, 0, 0, 0"), inputs(res.body(), "k"));
            assertEquals(List.of("1, 0", "0, 1", "0.5, 0.5", "0, 0"), inputs(res.body(), "v"));
            double[] a = softmax(new double[] {1, 0, 0.5, 0}); // scores (2, 0, 1, 0) / 2
            assertEquals(fixed(a[0], 3), weightRows(res.body()).get(0)[1]);
            assertEquals(fixed(entropy(a), 3) + " bits", byId(res.body(), "att-entropy"));
            assertTrue(res.header("HX-Push-Url").contains("kl=k4&k=0,+0,+0,+0&v=0,+0"), res.header("HX-Push-Url"));
        });
    }

    @Test
    void remove_key_0_drops_the_first_key() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, sentenceForm().set("action", "remove-key-0"), true);
            assertEquals(200, res.code());
            assertEquals(List.of("cat", "mat"), inputs(res.body(), "kl"));
            assertEquals(List.of("0, 1", "0.5, 0.5"), inputs(res.body(), "v"));
            double[] a = softmax(new double[] {0, 0.5});
            assertEquals(List.of(fixed(a[0], 3), fixed(a[1], 3)), column(weightRows(res.body()), 1));
            assertEquals(fixed(entropy(a), 3) + " bits", byId(res.body(), "att-entropy"));
            // and the last key cannot go
            Res last = post(client, sentenceForm().set("kl", "the").set("k", "1, 0, 1, 0").set("v", "").set("action", "remove-key-0"), true);
            assertEquals(422, last.code());
            assertTrue(errorText(last.body(), "att-err-keys").contains("at least one key"), last.body());
        });
    }

    @Test
    void add_query_shows_the_matrix_and_i_query_key_and_remove_query_takes_it_away() {
        JavalinTest.test(app(), (server, client) -> {
            Res single = post(client, sentenceForm(), true);
            assertNull(byId(single.body(), "att-mi"), "one query: no I(query; key)");
            assertFalse(single.body().contains("id=\"att-matrix-title\""));

            Res two = post(client, sentenceForm().set("action", "add-query"), true);
            assertEquals(200, two.code());
            assertEquals(List.of("sat", "q2"), inputs(two.body(), "ql"));
            assertEquals(List.of("1, 0, 1, 0", "0, 0, 0, 0"), inputs(two.body(), "q"));
            assertTrue(two.body().contains("id=\"att-matrix-title\""), "the heatmap of the attention matrix");
            // q2 = 0 scores every key 0: uniform weights
            double[][] w = {softmax(new double[] {1, 0, 0.5}), {1.0 / 3, 1.0 / 3, 1.0 / 3}};
            assertEquals("I(query; key) = " + fixed(mutualInformation(joint(w, new double[] {0.5, 0.5})), 3) + " bits",
                    byId(two.body(), "att-mi"));
            assertEquals(2, infoRows(two.body()).size());
            assertEquals(fixed(log2(3), 3) + " bits", infoRows(two.body()).get(1).get(0), "the uniform row has H = log2 3");

            Form twoForm = sentenceForm().set("ql", "sat", "q2").set("q", "1, 0, 1, 0", "0, 0, 0, 0").set("prior", "", "");
            Res back = post(client, twoForm.set("action", "remove-query-1"), true);
            assertEquals(200, back.code());
            assertEquals(List.of("sat"), inputs(back.body(), "ql"));
            assertNull(byId(back.body(), "att-mi"));
            assertEquals(explorer(single.body()), explorer(back.body()), "back to the single query");
            Res first = post(client, twoForm.set("action", "remove-query-0"), true);
            assertEquals(List.of("q2"), inputs(first.body(), "ql"));
            assertEquals("1.585 bits", byId(first.body(), "att-entropy"));
        });
    }

    @Test
    void set_dk_to_6_pads_with_zeros_and_keeps_the_scores() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, sentenceForm().set("dk", "6").set("action", "set-dk"), true);
            assertEquals(200, res.code());
            assertEquals(List.of("1, 0, 1, 0, 0, 0"), inputs(res.body(), "q"));
            assertEquals(List.of("1, 0, 1, 0, 0, 0", "0, 1, 0, 1, 0, 0", "1, 1, 0, 0, 0, 0"), inputs(res.body(), "k"));
            assertEquals(List.of("1, 0", "0, 1", "0.5, 0.5"), inputs(res.body(), "v"), "values keep their own d_v");
            assertEquals(List.of("6"), inputs(res.body(), "dk"));
            List<String[]> sm = softmaxRows(res.body(), 0);
            assertEquals(List.of("2.000", "0.000", "1.000"), column(sm, 1), "the zeros add nothing to the scores");
            double[] a = softmax(divide(new double[] {2, 0, 1}, Math.sqrt(6)));
            assertEquals(List.of(fixed(a[0], 3), fixed(a[1], 3), fixed(a[2], 3)), column(sm, 5), "but √6 divides them now");
            assertEquals(fixed(entropy(a), 3) + " bits", byId(res.body(), "att-entropy"));
        });
    }

    @Test
    void set_dk_to_2_truncates_every_vector() {
        JavalinTest.test(app(), (server, client) -> {
            Res res = post(client, sentenceForm().set("dk", "2").set("action", "set-dk"), true);
            assertEquals(200, res.code());
            assertEquals(List.of("1, 0"), inputs(res.body(), "q"));
            assertEquals(List.of("1, 0", "0, 1", "1, 1"), inputs(res.body(), "k"));
            // scores (1, 0, 1) / √2
            List<String[]> sm = softmaxRows(res.body(), 0);
            assertEquals(List.of("1.000", "0.000", "1.000"), column(sm, 1));
            double[] a = softmax(divide(new double[] {1, 0, 1}, Math.sqrt(2)));
            assertEquals(fixed(entropy(a), 3) + " bits", byId(res.body(), "att-entropy"));
            assertTrue(res.header("HX-Push-Url").contains("q=1,+0&"), res.header("HX-Push-Url"));
        });
    }

    @Test
    void reset_goes_back_to_the_sentence() {
        JavalinTest.test(app(), (server, client) -> {
            Form changed = sentenceForm().set("ql", "x", "y").set("q", "3, 3", "1, 2").set("prior", "1", "2")
                    .set("kl", "a").set("k", "1, 1").set("v", "").set("scale", "0").set("temp", "5").set("digits", "9");
            Res res = post(client, changed.set("action", "reset"), true);
            assertEquals(200, res.code());
            assertEquals(SENTENCE, res.header("HX-Push-Url"));
            assertEquals(explorer(get(client, SENTENCE, true).body()), explorer(res.body()));
            Res noJs = post(client, changed.set("action", "reset"), false);
            assertEquals(303, noJs.code());
            assertEquals(SENTENCE, noJs.header("Location"));
        });
    }

    @Test
    void unticking_scale_sends_only_the_hidden_0_and_shows_the_unscaled_entropy() {
        JavalinTest.test(app(), (server, client) -> {
            // The results table has fixed columns, "H(α) scaled" (id att-entropy) and "H(α) unscaled", so it shows
            // both whichever way the box is set; the entropy *as set* is the worked steps' and the announcement's.
            Res on = post(client, sentenceForm(), true);
            assertTrue(scaleChecked(on.body()), "0 then 1: ticked");
            assertTrue(announcement(on.body()).contains("Entropy 1.472 bits"), announcement(on.body()));
            assertTrue(on.body().contains("2<sup>H(α)</sup> = 2.774 of 3"), "the worked steps use the scaled weights");

            Res res = post(client, sentenceForm().set("scale", "0"), true);
            assertEquals(200, res.code());
            assertFalse(scaleChecked(res.body()), "the checkbox is unticked");
            assertTrue(res.header("HX-Push-Url").contains("scale=0"), res.header("HX-Push-Url"));
            assertEquals(fixed(HAND_UNSCALED_H, 3), "1.201");
            assertTrue(announcement(res.body()).contains("Entropy 1.201 bits"), "the entropy as set is the unscaled one: " + announcement(res.body()));
            assertTrue(res.body().contains("<mo>=</mo><mn>1.201</mn><mspace width=\"0.3em\"></mspace><mtext>bits</mtext>"),
                    "the worked H(α) is the unscaled one");
            assertTrue(res.body().contains("2<sup>H(α)</sup> = " + fixed(Math.pow(2, HAND_UNSCALED_H), 3) + " of 3"));
            // the side-by-side table still shows both
            assertEquals("1.472 bits", byId(res.body(), "att-entropy"), "the scaled column");
            assertEquals("1.201 bits", infoRow(res.body(), 0).get(1), "the unscaled column");
            assertEquals(List.of("0.506", "0.186", "0.307"), column(weightRows(res.body()), 1));
            assertEquals(List.of("0.665", "0.090", "0.245"), column(weightRows(res.body()), 2));
            // the softmax works on the unscaled scores now
            List<String[]> sm = softmaxRows(res.body(), 0);
            assertEquals(List.of("2.000", "0.000", "1.000"), column(sm, 2), "unscaled: the scores go in as they are");
            assertEquals(List.of("0.665", "0.090", "0.245"), column(sm, 5));
            assertTrue(res.body().contains("Scaling is off"), "step 2 says so");
            Res again = get(client, res.header("HX-Push-Url"), false);
            assertFalse(scaleChecked(again.body()));
            assertEquals(explorer(res.body()), explorer(again.body()));
        });
    }
}
