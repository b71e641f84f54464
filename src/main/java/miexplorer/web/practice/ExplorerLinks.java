package miexplorer.web.practice;

import miexplorer.practice.ExerciseData;

/**
 * The explorers' canonical URLs for an exercise's data, so that "open this in the explorer" lands on
 * the explorer set to the exercise's numbers. The composition root supplies them: practice imports no
 * explorer's package.
 */
public interface ExplorerLinks {
    /** {@code /mi?…} set to the table (its cells as written in the exercise). */
    String table(ExerciseData.Table table);

    /** {@code /cmi?…} set to the three-variable table. */
    String threeWay(ExerciseData.ThreeWayTable table);

    /** {@code /attention?…} set to the query and its keys. */
    String attention(ExerciseData.AttentionRow row);
}
