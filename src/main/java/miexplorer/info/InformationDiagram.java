package miexplorer.info;

/**
 * The seven regions of the three-circle information diagram (I-diagram) of X, Y and Z, one circle
 * per variable, each circle's area standing for its entropy:
 *
 * <ul>
 *   <li>in one circle only: H(X|Y,Z), H(Y|X,Z), H(Z|X,Y)</li>
 *   <li>in two circles, outside the third: I(X;Y|Z), I(X;Z|Y), I(Y;Z|X)</li>
 *   <li>in all three: the co-information I(X;Y;Z)</li>
 * </ul>
 *
 * <p>Six regions are never negative. The centre can be: I(X;Y;Z) &lt; 0 means synergy (as for
 * Z = X xor Y), so the regions are not areas in general and a drawing must show a negative centre
 * some other way than by its size.
 */
public record InformationDiagram(
        double hXGivenYZ,
        double hYGivenXZ,
        double hZGivenXY,
        double iXYGivenZ,
        double iXZGivenY,
        double iYZGivenX,
        double iXYZ) {

    /** H(X) = H(X|Y,Z) + I(X;Y|Z) + I(X;Z|Y) + I(X;Y;Z): the four regions inside the X circle. */
    public double circleX() {
        return hXGivenYZ + iXYGivenZ + iXZGivenY + iXYZ;
    }

    /** H(Y) = H(Y|X,Z) + I(X;Y|Z) + I(Y;Z|X) + I(X;Y;Z). */
    public double circleY() {
        return hYGivenXZ + iXYGivenZ + iYZGivenX + iXYZ;
    }

    /** H(Z) = H(Z|X,Y) + I(X;Z|Y) + I(Y;Z|X) + I(X;Y;Z). */
    public double circleZ() {
        return hZGivenXY + iXZGivenY + iYZGivenX + iXYZ;
    }

    /** H(X,Y,Z): all seven regions together. */
    public double total() {
        return hXGivenYZ + hYGivenXZ + hZGivenXY + iXYGivenZ + iXZGivenY + iYZGivenX + iXYZ;
    }
}
