package miexplorer.info;

import java.util.ArrayList;
import java.util.List;

/**
 * Every entropy and mutual information of three variables X, Y, Z, in one log base, with the
 * workings of I(X;Y|Z) slice by slice.
 *
 * <ul>
 *   <li>H(X), H(Y), H(Z), H(X,Y), H(X,Z), H(Y,Z), H(X,Y,Z), each −Σ P log P over its marginal</li>
 *   <li>I(X;Y), I(X;Z), I(Y;Z): the {@link Analysis} of each pairwise marginal</li>
 *   <li>I(X;Y|Z) = Σ_{x,y,z} P(x,y,z) log[P(x,y,z)P(z) / (P(x,z)P(y,z))] = Σ_z P(z)·I(X;Y | Z = z)
 *       = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z), and likewise I(X;Z|Y), I(Y;Z|X)</li>
 *   <li>I(X; Y,Z) = Σ P(x,y,z) log[P(x,y,z) / (P(x)P(y,z))] = I(X;Z) + I(X;Y|Z) = I(X;Y) + I(X;Z|Y)</li>
 *   <li>I(X;Y;Z) = I(X;Y) − I(X;Y|Z), the co-information</li>
 * </ul>
 *
 * <p>The reported conditional informations are computed directly, as sums of terms P·log(ratio),
 * not as differences of nearly equal entropies; the slice-weighted sum, the worked form, is kept
 * beside them ({@link #miXYGivenZFromSlices()}) and agrees to rounding.
 *
 * @param xy the analysis of P(X, Y) (rows X, columns Y)
 * @param xz the analysis of P(X, Z) (rows X, columns Z)
 * @param yz the analysis of P(Y, Z) (rows Y, columns Z)
 * @param hXYZ H(X,Y,Z) term by term, cells in the order [z][x][y]
 * @param slices one per value of Z, in order: P(z) and the analysis of P(X, Y | Z = z)
 * @param divergenceXYGivenZ I(X;Y|Z) as the direct sum, before rounding below 0 is taken out
 * @param divergenceXZGivenY I(X;Z|Y) likewise
 * @param divergenceYZGivenX I(Y;Z|X) likewise
 * @param divergenceXWithYZ I(X; Y,Z) as the direct sum D(P(X,Y,Z) ‖ P(X)P(Y,Z)), likewise
 * @param conditionalEntropyXGivenYZ H(X|Y,Z) = −Σ P(x,y,z) log[P(x,y,z) / P(y,z)]
 * @param conditionalEntropyYGivenXZ H(Y|X,Z) = −Σ P(x,y,z) log[P(x,y,z) / P(x,z)]
 * @param conditionalEntropyZGivenXY H(Z|X,Y) = −Σ P(x,y,z) log[P(x,y,z) / P(x,y)]
 */
public record ThreeWayAnalysis(
        ThreeWayDistribution table,
        LogBase base,
        Analysis xy,
        Analysis xz,
        Analysis yz,
        EntropyWorking hXYZ,
        List<ConditionalSlice> slices,
        double divergenceXYGivenZ,
        double divergenceXZGivenY,
        double divergenceYZGivenX,
        double divergenceXWithYZ,
        double conditionalEntropyXGivenYZ,
        double conditionalEntropyYGivenXZ,
        double conditionalEntropyZGivenXY) {

    /**
     * Rounding can leave a conditional mutual information a few ulps below 0 (when X and Y are
     * independent given Z, say), though it is ≥ 0 always; as in {@link Analysis#ROUNDING}, values
     * above minus this are given as 0. A co-information within this of 0 either way is given as 0,
     * so its sign (synergy or redundancy) is never rounding noise.
     */
    public static final double ROUNDING = Analysis.ROUNDING;

    public ThreeWayAnalysis {
        slices = List.copyOf(slices);
    }

    public static ThreeWayAnalysis of(ThreeWayDistribution t, LogBase base) {
        List<ConditionalSlice> slices = new ArrayList<>(t.sizeZ());
        for (int z = 0; z < t.sizeZ(); z++) {
            double pz = t.pz(z);
            if (pz == 0) {
                // Z = z never happens: P(X, Y | Z = z) is undefined, and its weight P(z) in the average is 0.
                slices.add(new ConditionalSlice(z, 0, null));
            } else {
                slices.add(new ConditionalSlice(z, pz, Analysis.of(t.slice(z), base)));
            }
        }
        double[] cells = new double[t.sizeZ() * t.sizeX() * t.sizeY()];
        int n = 0;
        for (int z = 0; z < t.sizeZ(); z++) {
            for (int x = 0; x < t.sizeX(); x++) {
                for (int y = 0; y < t.sizeY(); y++) {
                    cells[n++] = t.p(z, x, y);
                }
            }
        }
        // The swaps put the variables of each other ordering where the one formula expects them:
        // in swapYZ, Y' = Z and Z' = Y; in swapXZ, X' = Z and Z' = X; in swapXY, X' = Y and Y' = X.
        ThreeWayDistribution yz = t.swapYZ();
        ThreeWayDistribution xz = t.swapXZ();
        ThreeWayDistribution xy = t.swapXY();
        return new ThreeWayAnalysis(t, base,
                Analysis.of(t.pairXY(), base), Analysis.of(t.pairXZ(), base), Analysis.of(t.pairYZ(), base),
                Entropy.working(cells, base), slices,
                conditionalDivergence(t, base), conditionalDivergence(yz, base), conditionalDivergence(xz, base),
                divergenceFromPair(t, base),
                conditionalEntropy(t, base), conditionalEntropy(xy, base), conditionalEntropy(xz, base));
    }

    /**
     * I(X;Y|Z) alone, without the workings: the same sum as {@link #of} computes, so it equals
     * {@code of(t, base).miXYGivenZ()} exactly.
     */
    public static double conditionalMutualInformationOf(ThreeWayDistribution t, LogBase base) {
        return clamp(conditionalDivergence(t, base));
    }

    /**
     * Σ_{x,y,z} P(x,y,z) log[P(x,y,z)P(z) / (P(x,z)P(y,z))], each ratio taken as
     * [P(x,y,z)/P(x,z)]·[P(z)/P(y,z)] = P(y | x,z) / P(y | z), which neither underflows nor
     * overflows however small the cells are.
     */
    private static double conditionalDivergence(ThreeWayDistribution t, LogBase base) {
        return sumOverCells(t, (z, x, y, p) -> p * base.log(p / t.pxz(x, z) * (t.pz(z) / t.pyz(y, z))));
    }

    /** Σ P(x,y,z) log[P(x | y,z) / P(x)] = D(P(X,Y,Z) ‖ P(X)P(Y,Z)). */
    private static double divergenceFromPair(ThreeWayDistribution t, LogBase base) {
        return sumOverCells(t, (z, x, y, p) -> p * base.log(p / t.pyz(y, z) / t.px(x)));
    }

    /**
     * H(X|Y,Z) = −Σ P(x,y,z) log P(x | y,z). Every term is ≥ 0 exactly (a sum of non-negative
     * doubles is never below one of them, so P(x,y,z)/P(y,z) ≤ 1), and so is the total.
     */
    private static double conditionalEntropy(ThreeWayDistribution t, LogBase base) {
        return sumOverCells(t, (z, x, y, p) -> -p * base.log(p / t.pyz(y, z)));
    }

    /** One cell's term of a sum over the table, given the cell's P(x,y,z) = p &gt; 0. */
    private interface CellTerm {
        double of(int z, int x, int y, double p);
    }

    /**
     * The sum of {@code term} over every cell of {@code t} in the order [z][x][y], cells with
     * P(x,y,z) = 0 left out: each term is p·log(…), and 0·log 0 = 0. (P(x,y,z) > 0 implies every
     * marginal of that cell is > 0, so no term divides by 0.)
     */
    private static double sumOverCells(ThreeWayDistribution t, CellTerm term) {
        double sum = 0;
        for (int z = 0; z < t.sizeZ(); z++) {
            for (int x = 0; x < t.sizeX(); x++) {
                for (int y = 0; y < t.sizeY(); y++) {
                    double p = t.p(z, x, y);
                    if (p != 0) {
                        sum += term.of(z, x, y, p);
                    }
                }
            }
        }
        return sum;
    }

    /** A value within {@link #ROUNDING} below 0 of a quantity that cannot be negative is rounding: 0. */
    private static double clamp(double d) {
        return d < 0 && d > -ROUNDING ? 0 : d;
    }

    /** H(X) = −Σ_x P(x) log P(x). */
    public double entropyX() {
        return xy.entropyX();
    }

    /** H(Y) = −Σ_y P(y) log P(y). */
    public double entropyY() {
        return xy.entropyY();
    }

    /** H(Z) = −Σ_z P(z) log P(z). */
    public double entropyZ() {
        return xz.entropyY();
    }

    /** H(X,Y) = −Σ_{x,y} P(x,y) log P(x,y). */
    public double entropyXY() {
        return xy.jointEntropy();
    }

    /** H(X,Z) = −Σ_{x,z} P(x,z) log P(x,z). */
    public double entropyXZ() {
        return xz.jointEntropy();
    }

    /** H(Y,Z) = −Σ_{y,z} P(y,z) log P(y,z). */
    public double entropyYZ() {
        return yz.jointEntropy();
    }

    /** H(X,Y,Z) = −Σ_{x,y,z} P(x,y,z) log P(x,y,z). */
    public double entropyXYZ() {
        return hXYZ.total();
    }

    /** I(X;Y) = D(P(X,Y) ‖ P(X)P(Y)). */
    public double miXY() {
        return xy.mutualInformation();
    }

    /** I(X;Z) = D(P(X,Z) ‖ P(X)P(Z)). */
    public double miXZ() {
        return xz.mutualInformation();
    }

    /** I(Y;Z) = D(P(Y,Z) ‖ P(Y)P(Z)). */
    public double miYZ() {
        return yz.mutualInformation();
    }

    /**
     * I(X;Y|Z) = Σ P(x,y,z) log[P(x,y,z)P(z) / (P(x,z)P(y,z))]: what Y still tells about X once Z
     * is known. Within {@link #ROUNDING} below 0 it is given as 0.
     */
    public double miXYGivenZ() {
        return clamp(divergenceXYGivenZ);
    }

    /** I(X;Z|Y) = Σ P(x,y,z) log[P(x,y,z)P(y) / (P(x,y)P(y,z))]; within {@link #ROUNDING} below 0, 0. */
    public double miXZGivenY() {
        return clamp(divergenceXZGivenY);
    }

    /** I(Y;Z|X) = Σ P(x,y,z) log[P(x,y,z)P(x) / (P(x,y)P(x,z))]; within {@link #ROUNDING} below 0, 0. */
    public double miYZGivenX() {
        return clamp(divergenceYZGivenX);
    }

    /**
     * I(X;Y|Z) = Σ_z P(z)·I(X;Y | Z = z), the worked form: each slice's mutual information from its
     * own {@link Analysis}, a slice with P(z) = 0 adding 0. Equals {@link #miXYGivenZ()} to rounding.
     */
    public double miXYGivenZFromSlices() {
        double s = 0;
        for (ConditionalSlice c : slices) {
            s += c.weighted();
        }
        return s;
    }

    /**
     * I(X; Y,Z) = D(P(X,Y,Z) ‖ P(X)P(Y,Z)): what the pair (Y, Z) tells about X. Within
     * {@link #ROUNDING} below 0 it is given as 0.
     */
    public double miXWithYZ() {
        return clamp(divergenceXWithYZ);
    }

    /** The chain rule through Z: I(X; Y,Z) = I(X;Z) + I(X;Y|Z). */
    public double chainThroughZ() {
        return miXZ() + miXYGivenZ();
    }

    /** The chain rule through Y: I(X; Y,Z) = I(X;Y) + I(X;Z|Y). */
    public double chainThroughY() {
        return miXY() + miXZGivenY();
    }

    /**
     * The co-information I(X;Y;Z) = I(X;Y) − I(X;Y|Z) (= I(X;Z) − I(X;Z|Y) = I(Y;Z) − I(Y;Z|X): it is
     * symmetric in the three variables). Unlike the other measures it can be negative. Positive
     * means redundancy: Z accounts for some of what X and Y share, so knowing Z leaves them sharing
     * less (X and Y both copy Z). Negative means synergy: knowing Z makes X and Y share more than
     * they do alone (Z = X xor Y: I(X;Y) = 0, I(X;Y|Z) = 1 bit). A value within {@link #ROUNDING} of
     * 0 either way is given as 0.
     *
     * <p>It is necessarily a difference of two informations, so near 0 it is accurate only in
     * absolute terms (to a few ulps of the entropies involved), not relative to its own size.
     */
    public double coInformation() {
        double c = miXY() - miXYGivenZ();
        return Math.abs(c) < ROUNDING ? 0 : c;
    }

    /** The seven regions of the three-circle information diagram. */
    public InformationDiagram diagram() {
        return new InformationDiagram(conditionalEntropyXGivenYZ, conditionalEntropyYGivenXZ, conditionalEntropyZGivenXY,
                miXYGivenZ(), miXZGivenY(), miYZGivenX(), coInformation());
    }
}
