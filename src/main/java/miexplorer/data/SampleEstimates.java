package miexplorer.data;

import miexplorer.info.LogBase;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Mutual information estimated from a table of counts, in one unit, with its bias correction and
 * its significance.
 *
 * <ul>
 *   <li>Plug-in: the counts divided by N are taken as the probabilities.
 *       Ĥ(X) = −Σ_x (n_x/N) log(n_x/N), likewise Ĥ(Y) and Ĥ(X,Y), and
 *       Î(X;Y) = Σ_{x,y} (n_xy/N) log(n_xy·N / (n_x·n_y)) (the divergence form; cells with n_xy = 0 add 0).</li>
 *   <li>Miller–Madow: each plug-in entropy is biased low by about (m − 1)/(2N) nats, m the number
 *       of non-empty cells of that distribution, so Ĥ_MM = Ĥ + (m − 1)/(2N) nats (converted to the
 *       unit), and Î_MM = Ĥ_MM(X) + Ĥ_MM(Y) − Ĥ_MM(X,Y) = Î + (m_x + m_y − m_xy − 1)/(2N) nats.
 *       Î_MM can come out below 0.</li>
 *   <li>G-test: G = 2N·Î in nats, compared with the χ² distribution with (r − 1)(c − 1) degrees of
 *       freedom (r, c the numbers of categories): the p-value is P(χ² ≥ G) under independence.</li>
 * </ul>
 *
 * @param entropyX plug-in Ĥ(X), in {@code base}'s unit; the other entropies likewise
 * @param gStatistic G = 2N·Î (Î in nats), whatever the unit
 * @param gTestPValue P(χ²_df ≥ G); NaN when df = 0 (one category of X or of Y: nothing to test)
 */
public record SampleEstimates(
        LogBase base,
        long n,
        int rows,
        int cols,
        int nonEmptyCells,
        double entropyX,
        double entropyY,
        double jointEntropy,
        double mutualInformation,
        double entropyXMillerMadow,
        double entropyYMillerMadow,
        double jointEntropyMillerMadow,
        double mutualInformationMillerMadow,
        double gStatistic,
        long degreesOfFreedom,
        double gTestPValue) {

    /** Rounding can leave a plug-in MI a few ulps below 0, though Î ≥ 0 always; such values are 0. */
    public static final double ROUNDING = 1e-12;

    public static SampleEstimates of(ContingencyTable t, LogBase base) {
        long n = t.n();
        long[] nx = t.rowTotals();
        long[] ny = t.colTotals();
        double bigN = n;
        double lnN = Math.log(bigN);

        double hx = entropyNats(nx, bigN);
        double hy = entropyNats(ny, bigN);
        double hxy = 0;
        double mi = 0;
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                long c = t.count(i, j);
                if (c == 0) {
                    // 0·log 0 = 0: a pair never observed adds nothing to either sum.
                    continue;
                }
                double p = c / bigN;
                double lnC = Math.log(c);
                hxy -= p * (lnC - lnN);
                // ln(n_xy·N / (n_x·n_y)), written as a sum of logs so no product overflows.
                mi += p * (lnC + lnN - Math.log(nx[i]) - Math.log(ny[j]));
            }
        }
        if (mi < 0 && mi > -ROUNDING) {
            mi = 0;
        }
        int mx = t.rows(); // every category has an observation, so every marginal cell is non-empty
        int my = t.cols();
        int mxy = t.nonEmptyCells();
        double hxMM = hx + (mx - 1) / (2 * bigN);
        double hyMM = hy + (my - 1) / (2 * bigN);
        double hxyMM = hxy + (mxy - 1) / (2 * bigN);
        double miMM = mi + (mx + my - mxy - 1) / (2 * bigN);

        double g = 2 * bigN * mi;
        long df = (long) (t.rows() - 1) * (t.cols() - 1);
        double p = df == 0 ? Double.NaN : ChiSquaredDistribution.of(df).survivalProbability(g);

        double toUnit = base == LogBase.E ? 1 : base.log(Math.E); // nats → the unit: × log_b(e) = 1 / ln b
        return new SampleEstimates(base, n, t.rows(), t.cols(), mxy,
                hx * toUnit, hy * toUnit, hxy * toUnit, mi * toUnit,
                hxMM * toUnit, hyMM * toUnit, hxyMM * toUnit, miMM * toUnit,
                g, df, p);
    }

    /** −Σ (n_k/N) ln(n_k/N) over the non-empty cells. */
    private static double entropyNats(long[] counts, double n) {
        double lnN = Math.log(n);
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                h -= (c / n) * (Math.log(c) - lnN);
            }
        }
        return h;
    }

    /** The Miller–Madow correction added to an entropy of {@code m} non-empty cells from N samples, in the unit. */
    public double correction(int m) {
        return (m - 1) / (2.0 * n) * (base == LogBase.E ? 1 : base.log(Math.E));
    }
}
