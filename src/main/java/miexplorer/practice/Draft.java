package miexplorer.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import miexplorer.info.LogBase;

/**
 * An exercise being built from one draw, before the generator knows whether to keep it: the
 * question, the exact answer, the routes that count as right and the typical mistakes.
 *
 * <p>Each route and each mistake is a formula taking a {@link Rounding}, evaluated exactly and with
 * both roundings. A route's exact value must be the expected one (else generation stops with an
 * IllegalStateException: the formula is wrong). {@link #valid} then keeps the draw only when every
 * mistake is more than twice the tolerance from every right value and from every other mistake's
 * values, so that no typed number is within the tolerance of two verdicts.
 */
final class Draft {
    /** A rounded route may drift at most this many units of the last decimal from the exact value. */
    static final int MAX_DRIFT_UNITS = 5;

    private final String question;
    private final String asked;
    private final String unit;
    private final int digits;
    private final ExerciseData data;
    private final Answer expected;
    private final List<Route> routes = new ArrayList<>();
    private final List<Mistake> mistakes = new ArrayList<>();
    private String note = "";

    Draft(String question, String asked, String unit, int digits, ExerciseData data, Answer expected) {
        this.question = question;
        this.asked = asked;
        this.unit = unit;
        this.digits = digits;
        this.data = data;
        this.expected = expected;
    }

    Draft(String question, String asked, String unit, int digits, ExerciseData data, double expected) {
        this(question, asked, unit, digits, data, new Answer.Scalar(expected));
    }

    int digits() {
        return digits;
    }

    Answer expected() {
        return expected;
    }

    int mistakeCount() {
        return mistakes.size();
    }

    /** A sentence added to a right verdict's message (what the answer means). */
    Draft note(String sentence) {
        this.note = sentence;
        return this;
    }

    private List<Rounding> roundings() {
        return List.of(Rounding.steps(digits), Rounding.everything(digits));
    }

    /**
     * Adds the route {@code formula} in both roundings, each value once (a rounded value equal to
     * the exact one or to an earlier route's adds nothing).
     *
     * @throws IllegalStateException when the formula, unrounded, does not give the expected answer
     */
    Draft answerRoute(String id, String formula, Function<Rounding, Answer> f) {
        Answer exact = f.apply(Rounding.EXACT);
        double scale = expected instanceof Answer.Scalar s ? Math.max(1, Math.abs(s.value())) : 1;
        if (!(Answer.distance(exact, expected) <= 1e-9 * scale)) {
            throw new IllegalStateException("route " + id + " gives " + exact + " without rounding, not " + expected);
        }
        for (Rounding r : roundings()) {
            Answer v = f.apply(r);
            if (!seen(v)) {
                routes.add(new Route(id + (r.roundsInner() ? "/all" : "/steps"), formula + ", " + r.describe(), v));
            }
        }
        return this;
    }

    Draft route(String id, String formula, ToDoubleFunction<Rounding> f) {
        return answerRoute(id, formula, r -> new Answer.Scalar(f.applyAsDouble(r)));
    }

    private boolean seen(Answer v) {
        if (Answer.distance(v, expected) < 1e-12) {
            return true;
        }
        for (Route r : routes) {
            if (Answer.distance(v, r.value()) < 1e-12) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds a mistake whose values are each formula's exact value, then each formula's rounded
     * values (duplicates left out).
     */
    Draft mistake(String id, String step, String message, List<Function<Rounding, Answer>> formulas) {
        List<Answer> values = new ArrayList<>();
        for (Function<Rounding, Answer> f : formulas) {
            add(values, f.apply(Rounding.EXACT));
        }
        for (Function<Rounding, Answer> f : formulas) {
            for (Rounding r : roundings()) {
                add(values, f.apply(r));
            }
        }
        mistakes.add(new Mistake(id, step, message, values));
        return this;
    }

    /** {@link #mistake} for formulas that give one number. */
    Draft scalarMistake(String id, String step, String message, List<ToDoubleFunction<Rounding>> formulas) {
        List<Function<Rounding, Answer>> fs = new ArrayList<>();
        for (ToDoubleFunction<Rounding> f : formulas) {
            fs.add(r -> new Answer.Scalar(f.applyAsDouble(r)));
        }
        return mistake(id, step, message, fs);
    }

    @SafeVarargs
    final Draft scalarMistake(String id, String step, String message, ToDoubleFunction<Rounding>... formulas) {
        return scalarMistake(id, step, message, List.of(formulas));
    }

    /**
     * The mistake {@code wrong-base}: the same formula with logarithms to each other base, so the
     * answer in the other units.
     */
    Draft wrongBase(LogBase asked, String step, BiFunction<LogBase, Rounding, Double> formula) {
        List<ToDoubleFunction<Rounding>> fs = new ArrayList<>();
        for (LogBase b : LogBase.values()) {
            if (b != asked) {
                fs.add(r -> formula.apply(b, r));
            }
        }
        String message = switch (asked) {
            case TWO -> "That is the value in nats or hartleys, from natural or base-10 logarithms; bits need logarithms to base 2.";
            case E -> "That is the value in bits or hartleys, from logarithms to base 2 or 10; nats need natural logarithms, ln.";
            case TEN -> "That is the value in bits or nats, from logarithms to base 2 or e; hartleys need logarithms to base 10.";
        };
        return scalarMistake("wrong-base", step, message, fs);
    }

    /** A mistake for a choice: picking {@code letter} for the reason {@code message} gives. */
    Draft choiceMistake(String id, String step, String message, String letter) {
        mistakes.add(new Mistake(id, step, message, List.of(new Answer.Choice(letter))));
        return this;
    }

    private static void add(List<Answer> values, Answer v) {
        for (Answer a : values) {
            if (Answer.distance(a, v) < 1e-12) {
                return;
            }
        }
        values.add(v);
    }

    /**
     * True when the answers are finite, every rounded route is within {@link #MAX_DRIFT_UNITS} units
     * of the last decimal of the exact value, and every value of every mistake is more than twice
     * the tolerance from the exact value, from every route and from every other mistake's values
     * (choices excepted: the wrong letter may stand for several mistakes, and the first is named).
     */
    boolean valid() {
        double tolerance = Exercise.tolerance(digits);
        if (!Answer.finite(expected)) {
            return false;
        }
        for (Route r : routes) {
            if (!Answer.finite(r.value()) || Answer.distance(r.value(), expected) > 2 * MAX_DRIFT_UNITS * tolerance) {
                return false;
            }
        }
        for (int k = 0; k < mistakes.size(); k++) {
            for (Answer m : mistakes.get(k).values()) {
                if (!Answer.finite(m) || Answer.distance(m, expected) <= 2 * tolerance) {
                    return false;
                }
                for (Route r : routes) {
                    if (Answer.distance(m, r.value()) <= 2 * tolerance) {
                        return false;
                    }
                }
                if (m instanceof Answer.Choice) {
                    continue;
                }
                for (int l = k + 1; l < mistakes.size(); l++) {
                    for (Answer other : mistakes.get(l).values()) {
                        if (Answer.distance(m, other) <= 2 * tolerance) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    Exercise toExercise(ExerciseKind kind, long seed, Level level) {
        return new Exercise(kind, seed, level, question, asked, unit, digits, data, expected, routes, mistakes, note);
    }
}
