package miexplorer.data;

/**
 * numpy's legacy generator, {@code np.random.RandomState(seed)}, as far as {@code standard_normal}:
 * the Mersenne Twister MT19937 seeded as numpy seeds it from a 32-bit integer, 53-bit uniform
 * doubles, and the polar (Marsaglia) method for normal deviates, each pair's second value kept for
 * the next call. scikit-learn draws its tie-breaking noise from this generator, so with the same seed
 * the noise here is sklearn's {@code random_state=seed} noise.
 *
 * <p>The one libm call, ln, is {@link StrictMath#log} (fdlibm), so a seed gives the same values on
 * every JVM. numpy calls the C library's log, which differs from fdlibm's in the last bit now and
 * then: about 3 deviates in 100 differ from numpy's by an ulp (checked on 10⁶ deviates of four
 * seeds; none by more). Scaled to noise of 10⁻¹⁰, an ulp is 10⁻²⁶, far too little to move a count.
 */
final class NumpyRandomState {
    /** The largest seed numpy's RandomState accepts, 2³² − 1. */
    static final long MAX_SEED = 0xFFFF_FFFFL;

    private static final int N = 624;
    private static final int M = 397;

    private final int[] mt = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    NumpyRandomState(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("the seed is " + seed + "; it must be from 0 to " + MAX_SEED
                    + " (numpy's RandomState seeds)");
        }
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            mt[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        pos = N;
    }

    /** The next 32 bits of MT19937 (as an int holding the unsigned value). */
    private int next32() {
        if (pos == N) {
            regenerate();
        }
        int y = mt[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }

    private void regenerate() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
            int v = mt[(i + M) % N] ^ (y >>> 1);
            mt[i] = (y & 1) != 0 ? v ^ 0x9908b0df : v;
        }
        pos = 0;
    }

    /** A uniform double in [0, 1) from 27 + 26 random bits: (a·2²⁶ + b) / 2⁵³. */
    double nextDouble() {
        long a = (next32() >>> 5) & 0xFFFF_FFFFL;
        long b = (next32() >>> 6) & 0xFFFF_FFFFL;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** A standard normal deviate: polar method, f = √(−2 ln r² / r²), returning f·x₂ and keeping f·x₁. */
    double nextGaussian() {
        if (hasGauss) {
            hasGauss = false;
            double g = gauss;
            gauss = 0;
            return g;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * StrictMath.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }
}
