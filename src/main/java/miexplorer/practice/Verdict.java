package miexplorer.practice;

/**
 * The judgement on one typed answer.
 *
 * @param expected the exact answer
 * @param value the typed answer, as read
 * @param message what to tell the reader, in plain words
 * @param mistake the id of the typical mistake the answer matches, or null
 * @param step the id of the worked step where that mistake leaves the right route, or null
 * @param fromRounding true when the answer is right as a route's value with rounding along the way,
 *     not as the exact value
 */
public record Verdict(boolean correct, Answer expected, Answer value, String message, String mistake, String step,
        boolean fromRounding) {
}
