package miexplorer.info;

import java.util.ArrayList;
import java.util.List;

/** Shannon entropy of a discrete distribution. */
public final class Entropy {
    private Entropy() {
    }

    /** −p·log_b(p), with 0·log 0 = 0. */
    public static double term(double p, LogBase base) {
        // 0·log 0 is taken as its limit, 0: an outcome that never happens adds no uncertainty.
        return p == 0 ? 0 : -p * base.log(p);
    }

    /** H(P) = −Σ_i p_i·log_b(p_i). */
    public static double of(double[] p, LogBase base) {
        double h = 0;
        for (double v : p) {
            h += term(v, base);
        }
        return h;
    }

    /** H(P) with every term kept, for the worked steps. */
    public static EntropyWorking working(double[] p, LogBase base) {
        List<Term> terms = new ArrayList<>(p.length);
        double h = 0;
        for (double v : p) {
            double t = term(v, base);
            terms.add(new Term(v, v == 0 ? Double.NaN : base.log(v), t));
            h += t;
        }
        return new EntropyWorking(terms, h);
    }
}
