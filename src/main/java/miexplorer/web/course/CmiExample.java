package miexplorer.web.course;

import miexplorer.web.explorer.Example;

/**
 * One of the three-variable explorer's examples with its table as numbers ([z][x][y]), for a page
 * that quotes what the examples compute (the lesson) rather than only linking to them.
 */
public record CmiExample(Example example, double[][][] weights) {
}
