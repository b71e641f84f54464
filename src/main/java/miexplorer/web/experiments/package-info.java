/**
 * Experiment pages: measurements run on request, heavy work admitted by the server's budget. The √d_k
 * experiment ({@link miexplorer.web.experiments.ScalingView}, {@code templates/experiments/}) is the
 * first.
 */
package miexplorer.web.experiments;
