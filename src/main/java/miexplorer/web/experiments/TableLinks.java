package miexplorer.web.experiments;

import java.util.List;

/**
 * The three-variable explorer's canonical URL for a table, so that the experiment page can open its
 * exclusive-or pair there without importing that explorer's package. {@code App} supplies it.
 */
@FunctionalInterface
public interface TableLinks {
    /**
     * {@code /cmi?…} set to a table of probabilities.
     *
     * @param names the names of X, Y and Z
     * @param labels the values of X, Y and Z, in that order
     * @param p the probabilities, indexed [z][x][y]
     */
    String threeWay(List<String> names, List<List<String>> labels, double[][][] p);
}
