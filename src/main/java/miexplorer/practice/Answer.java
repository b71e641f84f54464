package miexplorer.practice;

import java.util.Arrays;

/** An answer to an exercise, expected or typed: one number, several numbers, or a choice. */
public sealed interface Answer {

    /** One number: an entropy, a mutual information, a probability, a count of keys, a cell. */
    record Scalar(double value) implements Answer {
    }

    /** Several numbers in order, such as the softmax weights of one query over its keys. */
    record Vector(double[] values) implements Answer {
        public Vector {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        public int size() {
            return values.length;
        }

        double get(int i) {
            return values[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Vector v && Arrays.equals(values, v.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Vector" + Arrays.toString(values);
        }
    }

    /** One of two options, {@code "A"} (the first) or {@code "B"} (the second). */
    record Choice(String letter) implements Answer {
        public Choice {
            if (!"A".equals(letter) && !"B".equals(letter)) {
                throw new IllegalArgumentException("the choice is \"" + letter + "\"; it must be A or B");
            }
        }
    }

    /**
     * How far apart two answers of the same shape are: |a − b| for numbers, the largest difference
     * of one entry for vectors (so two vectors are within t of each other when every entry is), 0 or
     * infinity for choices. Answers of different shapes, or vectors of different lengths, are
     * infinitely far apart.
     */
    static double distance(Answer a, Answer b) {
        if (a instanceof Scalar x && b instanceof Scalar y) {
            return Math.abs(x.value() - y.value());
        }
        if (a instanceof Vector x && b instanceof Vector y && x.size() == y.size()) {
            double d = 0;
            for (int i = 0; i < x.size(); i++) {
                d = Math.max(d, Math.abs(x.get(i) - y.get(i)));
            }
            return d;
        }
        if (a instanceof Choice x && b instanceof Choice y) {
            return x.equals(y) ? 0 : Double.POSITIVE_INFINITY;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** True when every number in the answer is finite (a choice always is). */
    static boolean finite(Answer a) {
        if (a instanceof Scalar x) {
            return Double.isFinite(x.value());
        }
        if (a instanceof Vector v) {
            return Arrays.stream(v.values).allMatch(Double::isFinite);
        }
        return true;
    }
}
