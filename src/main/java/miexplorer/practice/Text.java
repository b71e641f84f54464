package miexplorer.practice;

import java.util.List;
import miexplorer.practice.ExerciseData.Table;

/** Pieces of question text shared by several kinds. */
final class Text {
    private Text() {
    }

    /** What the table shows and how to read it as probabilities. */
    static String intro(Table t) {
        String vars = "X = " + t.xName() + " (rows: " + String.join(", ", t.xLabels()) + ") and Y = " + t.yName()
                + " (columns: " + String.join(", ", t.yLabels()) + ")";
        if (t.counts()) {
            return "The table counts N = " + (long) TableWork.sum(t.cells()) + " observations of " + vars
                    + "; take P(x, y) = n(x, y)/N.";
        }
        return "The table gives the joint probabilities P(x, y) of " + vars + ".";
    }

    /** "Give the answer in bits to 3 decimals." */
    static String answerIn(String unit, int digits) {
        return "Give the answer" + (unit.isEmpty() ? "" : " in " + unit) + " to " + digits + " decimals.";
    }

    /** A vector as a person writes it: (1, 0, −1.5). */
    static String vector(double[] v) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Decimals.plain(v[i]).replace('-', '−'));
        }
        return b.append(')').toString();
    }

    /** "x, y and z". */
    static String and(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
