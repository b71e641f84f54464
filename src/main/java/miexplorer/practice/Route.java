package miexplorer.practice;

/**
 * A value a person reaches by one of the lesson's routes, rounding what they write down along the
 * way; such a value counts as right.
 *
 * @param id stable, e.g. {@code "h-x-minus-h-x-given-y/steps"}: the formula, then the rounding
 *     ({@code steps}: each entropy, product and sum; {@code all}: every probability, logarithm and
 *     term as well)
 * @param description the route in words, e.g. "H(X) − H(X|Y), each entropy, product and sum
 *     rounded to 3 decimals"
 */
public record Route(String id, String description, Answer value) {
}
