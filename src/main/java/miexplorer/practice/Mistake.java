package miexplorer.practice;

import java.util.List;

/**
 * A typical mistake for one exercise and every value it leads to.
 *
 * @param id stable, kebab-case: {@code wrong-base}, {@code swapped-conditional}, … (listed on
 *     {@link ExerciseKind})
 * @param step the worked step where the mistaken route leaves the right one (listed on
 *     {@link ExerciseKind})
 * @param message what went wrong, in plain words, to show the reader
 * @param values the exact value of the mistaken computation first, then what it gives in its other
 *     forms (each wrong base, each mistaken reading) and with rounding along the way
 */
public record Mistake(String id, String step, String message, List<Answer> values) {
    public Mistake {
        values = List.copyOf(values);
    }
}
