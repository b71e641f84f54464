package miexplorer.info;

/**
 * One term −p·log p of an entropy, as written by hand. For p = 0 the term is 0 by the convention
 * 0·log 0 = 0 (the limit of −p·log p as p → 0), and {@link #log()} is NaN because log 0 is not a number.
 */
public record Term(double p, double log, double value) {
    public boolean zero() {
        return p == 0;
    }
}
