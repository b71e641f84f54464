package miexplorer.web.steps;

import java.util.ArrayList;
import java.util.List;
import miexplorer.attention.AdditiveScores;
import miexplorer.attention.QueryAttention;
import miexplorer.web.explorer.Placement;
import miexplorer.web.form.NumberInput;
import miexplorer.web.render.Decimals;

/**
 * One query's attention worked out step by step, as {@code templates/steps/attentionRow.jte} shows it:
 * the scores s_i = q · k_i, their scaling by √d_k and the temperature T, the softmax in its stable form
 * (α_i = exp(s_i − m) / Σ exp(s_j − m), m the largest scaled score), the output Σ α_i v_i when there are
 * values, and the entropy H(α) = −Σ α_i log₂ α_i of the weights. The attention explorer shows one per
 * query; any page can show one.
 *
 * @param index the query's position, for the ids of what it shows
 * @param values one vector per key, or null when there are none (then there is no output)
 * @param row the query's attention, as set (with or without the scaling)
 * @param scale whether the scores are divided by √d_k
 * @param temperatureText the temperature as typed
 * @param placement where it is shown, which sets the level of its headings
 * @param additive for additive scores e_i = vᵀ tanh(W_q q + W_k k_i), their workings (the projections,
 *     their sums, the tanh's); null for dot products
 */
public record AttentionRowSteps(int index, String queryLabel, List<String> keyLabels, double[] query, double[][] keys,
        double[][] values, QueryAttention row, boolean scale, String temperatureText, int digits, Placement placement,
        AdditiveScores additive) implements Decimals {

    /** Dot-product scores, scaled when {@code scale}. */
    public AttentionRowSteps(int index, String queryLabel, List<String> keyLabels, double[] query, double[][] keys,
            double[][] values, QueryAttention row, boolean scale, String temperatureText, int digits, Placement placement) {
        this(index, queryLabel, keyLabels, query, keys, values, row, scale, temperatureText, digits, placement, null);
    }

    /** Vectors longer than this show their first and last products only. */
    public static final int PRODUCTS_SHOWN = 8;

    public int keyCount() {
        return keyLabels.size();
    }

    /** The level of a heading that is {@code level} on an explorer's own page. */
    public int heading(int level) {
        return level + placement.headingShift();
    }

    public int dk() {
        return query.length;
    }

    public String sqrtDk() {
        return shown(Math.sqrt(dk()));
    }

    /** The temperature T as a number. */
    public double temperature() {
        return NumberInput.parse(temperatureText).value();
    }

    public String bits(double v) {
        return shown(v) + " bits";
    }

    /** The products of one score, shortened for long vectors: indices to show, -1 for "…". */
    public List<Integer> productIndices() {
        int d = dk();
        List<Integer> out = new ArrayList<>();
        if (d <= PRODUCTS_SHOWN) {
            for (int i = 0; i < d; i++) {
                out.add(i);
            }
        } else {
            for (int i = 0; i < PRODUCTS_SHOWN - 2; i++) {
                out.add(i);
            }
            out.add(-1);
            out.add(d - 2);
            out.add(d - 1);
        }
        return out;
    }

    /** A vector in parentheses, its middle left out when it has more than 12 numbers. */
    public String vector(double[] v) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            if (v.length > 12 && i == 6) {
                b.append("…, ");
                i = v.length - 3;
            }
            b.append(shown(v[i]));
        }
        return b.append(')').toString();
    }
}
