package miexplorer.web.data;

import java.util.Map;
import miexplorer.data.PermutationTest;

/**
 * What {@code templates/data/permutation.jte} shows of a permutation test run in steps, whichever
 * estimate it tests: the plug-in estimate ({@link PermutationRun}, whose table of counts travels with
 * each step) or the nearest-neighbour one ({@link KsgRun}, whose data travels with each step). The page
 * keeps the state; the server keeps nothing between steps.
 */
public interface PermutationSteps {
    /** The id of the test's section, which each step replaces. */
    String sectionId();

    /** The start of the ids inside the section ({@code perm-p}, {@code perm-stop}, …). */
    String prefix();

    String heading();

    /** What a shuffle is compared with, for the result's sentence: "the observed mutual information". */
    String statistic();

    /** The state, as the step form's hidden fields, in order. */
    Map<String, String> hidden();

    /** Pasted text that travels with each step (in a hidden field), or null. */
    default String text() {
        return null;
    }

    /** Whether each step sends the page's chosen file again (with JavaScript, as the form's include). */
    default boolean file() {
        return false;
    }

    /** Something the test has to say beside its result (why it stopped, say), or null. */
    default String note() {
        return null;
    }

    long seed();

    long total();

    long done();

    long atLeastAsLarge();

    boolean stopped();

    default boolean finished() {
        return done() >= total();
    }

    /** Still to do and not stopped: the page asks for the next step. */
    default boolean running() {
        return !finished() && !stopped();
    }

    default double pValue() {
        return new PermutationTest.Tally(done(), atLeastAsLarge()).pValue();
    }

    /** The smallest p-value this many shuffles can give: 1/(done + 1). */
    default double floor() {
        return 1.0 / (done() + 1);
    }

    /** The name the live region gives the test: "Permutation test". */
    default String spokenName() {
        return heading();
    }

    /**
     * What a screen reader hears when the test ends or is stopped (its steps in between are not
     * announced: one every fraction of a second would drown everything else); "" while it runs.
     */
    default String announcement() {
        if (finished()) {
            return spokenName() + ": p = " + DataView.pValue(pValue()) + ", " + atLeastAsLarge() + " of " + done()
                    + " shuffles at least as large.";
        }
        if (stopped()) {
            return spokenName() + " stopped after " + done() + " of " + total() + " shuffles: p = " + DataView.pValue(pValue()) + ".";
        }
        return "";
    }
}
