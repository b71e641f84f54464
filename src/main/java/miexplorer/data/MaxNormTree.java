package miexplorer.data;

/**
 * A k-d tree over points (x_i, y_i) for one question: ε_i, the max-norm distance
 * max(|x_j − x_i|, |y_j − y_i|) from each point to its k-th nearest other point.
 *
 * <p>ε_i is the k-th smallest of the N − 1 distances from point i to the others (the point itself is
 * left out by its index, so a repeated point is a neighbour at distance 0). Ties need no care: only the
 * k-th smallest distance is wanted, never which point is at that distance, and a box whose nearest
 * edge is no nearer than the k-th distance found so far cannot lower it, so it is skipped.
 *
 * <p>Built by splitting at the median of the wider side (quickselect), leaves of at most
 * {@value #LEAF} points; build O(N log N), each query about O(k + log N) for data without extreme
 * clustering. Distances are |x_j − x_i| and |y_j − y_i| in floating point, as scikit-learn's
 * Chebyshev metric computes them.
 *
 * <p><b>In parallel.</b> The top levels are split one level at a time, the nodes of a level at once,
 * down to subtrees of at most {@value #SUBTREE} points, which are then built whole, each by one task;
 * the queries go in chunks of points. ε_i is the k-th smallest of the distances whatever the tree's
 * shape (a box is skipped only when no point in it can be nearer), and each query is one thread's, so
 * the distances do not depend on the threads.
 */
final class MaxNormTree {
    private static final int LEAF = 12;
    /** Subtrees of at most this many points are built by one task. */
    private static final int SUBTREE = 1 << 15;

    private final double[] px;
    private final double[] py;
    private final int[] index; // original row of each stored point
    private final int n;
    // node i covers stored points [lo, hi), split at (lo + hi) >>> 1 into children 2i + 1 and 2i + 2
    // (the root covers [0, n)); a leaf when hi − lo ≤ LEAF. Its bounding box:
    private final double[] minX;
    private final double[] maxX;
    private final double[] minY;
    private final double[] maxY;

    /** ε of one row, as {@link #kthNeighbourDistances} finds it. */
    @FunctionalInterface
    interface Distance {
        void accept(int row, double eps);
    }

    /**
     * A tree over the points (px[i], py[i]), i the row. Takes the arrays as they are, no copy, and
     * reorders them: the caller gives arrays of its own and uses them no more.
     */
    MaxNormTree(double[] px, double[] py, Parallel parallel) {
        n = px.length;
        this.px = px;
        this.py = py;
        index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        int leaves = 1;
        while ((long) leaves * LEAF < n) {
            leaves <<= 1;
        }
        int nodes = 2 * leaves - 1;
        minX = new double[nodes];
        maxX = new double[nodes];
        minY = new double[nodes];
        maxY = new double[nodes];
        // The nodes of one depth cover n / 2^depth points each, give or take one.
        int[] level = {0};
        int[] los = {0};
        int[] his = {n};
        while (n > SUBTREE * (long) level.length) {
            int[] node = level;
            int[] lo = los;
            int[] hi = his;
            parallel.forEach(node.length, t -> split(node[t], lo[t], hi[t]));
            level = new int[2 * node.length];
            los = new int[level.length];
            his = new int[level.length];
            for (int t = 0; t < node.length; t++) {
                int mid = (lo[t] + hi[t]) >>> 1;
                level[2 * t] = 2 * node[t] + 1;
                los[2 * t] = lo[t];
                his[2 * t] = mid;
                level[2 * t + 1] = 2 * node[t] + 2;
                los[2 * t + 1] = mid;
                his[2 * t + 1] = hi[t];
            }
        }
        int[] node = level;
        int[] lo = los;
        int[] hi = his;
        parallel.forEach(node.length, t -> build(node[t], lo[t], hi[t]));
    }

    private void build(int node, int lo, int hi) {
        if (split(node, lo, hi)) {
            int mid = (lo + hi) >>> 1;
            build(2 * node + 1, lo, mid);
            build(2 * node + 2, mid, hi);
        }
    }

    /** Sets the node's box and, unless it is a leaf, splits its points at the median of its wider side; whether it split. */
    private boolean split(int node, int lo, int hi) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = lo; i < hi; i++) {
            x0 = Math.min(x0, px[i]);
            x1 = Math.max(x1, px[i]);
            y0 = Math.min(y0, py[i]);
            y1 = Math.max(y1, py[i]);
        }
        minX[node] = x0;
        maxX[node] = x1;
        minY[node] = y0;
        maxY[node] = y1;
        if (hi - lo <= LEAF) {
            return false;
        }
        select(lo, hi - 1, (lo + hi) >>> 1, x1 - x0 >= y1 - y0);
        return true;
    }

    /** Hoare's selection (Wirth's form): afterwards no point in [lo, kth) is after kth on the axis, none in (kth, hi] before it. */
    private void select(int lo, int hi, int kth, boolean byX) {
        double[] key = byX ? px : py;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            // median of three as the pivot, so sorted or reversed input stays O(N)
            double a = key[lo];
            double b = key[m];
            double c = key[hi];
            double pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
            int i = lo;
            int j = hi;
            do {
                while (key[i] < pivot) {
                    i++;
                }
                while (pivot < key[j]) {
                    j--;
                }
                if (i <= j) {
                    swap(i, j);
                    i++;
                    j--;
                }
            } while (i <= j);
            if (j < kth) {
                lo = i;
            }
            if (kth < i) {
                hi = j;
            }
        }
    }

    private void swap(int i, int j) {
        double t = px[i];
        px[i] = px[j];
        px[j] = t;
        t = py[i];
        py[i] = py[j];
        py[j] = t;
        int s = index[i];
        index[i] = index[j];
        index[j] = s;
    }

    /**
     * ε_i for every original row i, the k-th smallest max-norm distance to another point (1 ≤ k &lt; N),
     * handed to {@code out} once a row, from the thread that found it, in no particular order. Points
     * are visited in the tree's order, in chunks, so consecutive queries walk the same nodes.
     */
    void kthNeighbourDistances(int k, Parallel parallel, Distance out) {
        parallel.forEachChunk(n, (from, to) -> {
            double[] best = new double[k];
            for (int p = from; p < to; p++) {
                java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
                search(0, 0, n, p, px[p], py[p], best);
                out.accept(index[p], best[k - 1]);
            }
        });
    }

    /** Keeps in best (ascending) the k smallest distances from (qx, qy) to points of the node, [lo, hi), other than self. */
    private void search(int node, int lo, int hi, int self, double qx, double qy, double[] best) {
        int k = best.length;
        if (hi - lo <= LEAF) {
            for (int j = lo; j < hi; j++) {
                if (j == self) {
                    continue;
                }
                double d = Math.max(Math.abs(px[j] - qx), Math.abs(py[j] - qy));
                if (d < best[k - 1]) {
                    int s = k - 1;
                    while (s > 0 && best[s - 1] > d) {
                        best[s] = best[s - 1];
                        s--;
                    }
                    best[s] = d;
                }
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        int left = 2 * node + 1;
        int right = left + 1;
        double dl = boxDistance(left, qx, qy);
        double dr = boxDistance(right, qx, qy);
        if (dl <= dr) {
            if (dl < best[k - 1]) {
                search(left, lo, mid, self, qx, qy, best);
            }
            if (dr < best[k - 1]) {
                search(right, mid, hi, self, qx, qy, best);
            }
        } else {
            if (dr < best[k - 1]) {
                search(right, mid, hi, self, qx, qy, best);
            }
            if (dl < best[k - 1]) {
                search(left, lo, mid, self, qx, qy, best);
            }
        }
    }

    /** The max-norm distance from (qx, qy) to the node's bounding box: 0 inside it; never more than to any point in it. */
    private double boxDistance(int node, double qx, double qy) {
        double dx = Math.max(0, Math.max(minX[node] - qx, qx - maxX[node]));
        double dy = Math.max(0, Math.max(minY[node] - qy, qy - maxY[node]));
        return Math.max(dx, dy);
    }
}
