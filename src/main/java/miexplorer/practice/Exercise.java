package miexplorer.practice;

import java.util.List;
import java.util.Objects;

/**
 * One exercise, generated from (kind, seed, level): the same triple always gives an equal
 * exercise.
 *
 * <p><b>When an answer is right.</b> The tolerance is half a unit in the last asked decimal,
 * t = ½·10^−digits. A typed number is right when it is within t of the exact value (the exact
 * value correctly rounded to the asked decimals always is, and so is the exact value given to more
 * decimals; at an exact tie both neighbours are), or within t of a value some {@link Route} gives
 * with intermediate values rounded to the asked decimals (then {@link Verdict#fromRounding()}). A
 * vector is right when every entry is. Comparisons allow 10^−9·t more, for the doubles' own
 * rounding. Every mistake value is more than 2t from every right value (the generator rejects
 * draws where it is not), so no typed number is within t of both.
 *
 * @param asked what is asked: one of "H(X)", "H(Y)", "H(X,Y)", "H(X|Y)", "H(Y|X)", "H(X|Y=y)",
 *     "I(X;Y)", "I(X;Y|Z)", "I(X;Y;Z)", "P(x)", "P(x|y)", "H(alpha)", "effectiveKeys",
 *     "weights", "missingCell", "choice", "plugin", "millerMadow"
 * @param unit "bits", "nats" or "hartleys"; "" for a probability, a count of keys, a cell or a choice
 * @param digits how many decimals the answer is expected to have (0 for a count or a choice)
 * @param routes the values that count as right besides the exact one, each with its route
 * @param mistakes the typical mistakes, in the order they are tried
 * @param note a sentence added to a right verdict (what the answer means), or ""
 */
public record Exercise(ExerciseKind kind, long seed, Level level, String question, String asked, String unit, int digits,
        ExerciseData data, Answer expected, List<Route> routes, List<Mistake> mistakes, String note) {

    public Exercise {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(level);
        routes = List.copyOf(routes);
        mistakes = List.copyOf(mistakes);
    }

    /** t = ½·10^−digits: half a unit in the last asked decimal. */
    public static double tolerance(int digits) {
        return 0.5 * Math.pow(10, -digits);
    }

    public double tolerance() {
        return tolerance(digits);
    }

    /**
     * Judges a typed answer: right (exactly, or from rounding along the way), a named typical
     * mistake, or simply not right.
     *
     * @throws AnswerFormatException when the text is not an accepted form of answer; its message
     *     says what is accepted
     */
    public Verdict check(String typed) {
        Answer value = read(typed);
        if (near(value, expected)) {
            return new Verdict(true, expected, value, "Right: " + statement() + noted(), null, null, false);
        }
        for (Route r : routes) {
            if (near(value, r.value())) {
                return new Verdict(true, expected, value, "Right: exactly " + show(expected) + "; your " + typedText(value)
                        + " comes from rounding along the way." + noted(), null, null, true);
            }
        }
        for (Mistake m : mistakes) {
            for (Answer v : m.values()) {
                if (near(value, v)) {
                    return new Verdict(false, expected, value, "Not quite: " + m.message(), m.id(), m.step(), false);
                }
            }
        }
        String message;
        if (expected instanceof Answer.Choice) {
            message = "Not right: table " + typedText(value) + " shares less information.";
        } else if (expected instanceof Answer.Vector) {
            message = "Not right: those are not the weights to " + digits + " decimals.";
        } else {
            message = "Not right: " + typedText(value) + " is not " + label() + (digits > 0 ? " to " + digits + " decimals." : ".");
        }
        return new Verdict(false, expected, value, message, null, null, false);
    }

    private Answer read(String typed) {
        if (expected instanceof Answer.Vector v) {
            return new Answer.Vector(AnswerParser.numbers(typed, v.size()));
        }
        if (expected instanceof Answer.Choice) {
            return new Answer.Choice(AnswerParser.choice(typed));
        }
        return new Answer.Scalar(AnswerParser.number(typed));
    }

    private boolean near(Answer a, Answer b) {
        return Answer.distance(a, b) <= tolerance() * (1 + 1e-9);
    }

    private String noted() {
        return note.isEmpty() ? "" : " " + note;
    }

    /** The exact answer as a sentence: "I(X;Y) = 0.3781 bits.", "the weights are …", "table A shares more." */
    private String statement() {
        if (expected instanceof Answer.Choice c) {
            return "table " + c.letter() + " shares more information.";
        }
        String verb = asked.equals("weights") ? " are " : Character.isUpperCase(asked.charAt(0)) ? " = " : " is ";
        return label() + verb + show(expected) + ".";
    }

    /** What is asked, in the words of a message. */
    private String label() {
        return switch (asked) {
            case "H(alpha)" -> "H(α)";
            case "effectiveKeys" -> "the effective number of keys";
            case "weights" -> "the weights";
            case "missingCell" -> "the missing count";
            case "choice" -> "the table that shares more";
            case "plugin" -> "the plug-in estimate";
            case "millerMadow" -> "the Miller–Madow estimate";
            default -> asked;
        };
    }

    /** The exact answer to one decimal more than asked (a whole count as it is), and its unit: 0.3781 bits, 0.51. */
    private String show(Answer a) {
        String u = unit.isEmpty() ? "" : " " + unit;
        int shown = digits == 0 ? 0 : digits + 1;
        if (a instanceof Answer.Scalar s) {
            return Decimals.plain(Decimals.round(s.value(), shown)) + u;
        }
        if (a instanceof Answer.Vector v) {
            StringBuilder b = new StringBuilder();
            for (double x : v.values()) {
                b.append(b.length() == 0 ? "" : ", ").append(Decimals.plain(Decimals.round(x, shown)));
            }
            return b + u;
        }
        return "table " + ((Answer.Choice) a).letter();
    }

    /** An answer as a person types it: 0.379; 0.547, 0.331, 0.122; A. */
    static String typedText(Answer a) {
        if (a instanceof Answer.Scalar s) {
            return Decimals.plain(s.value());
        }
        if (a instanceof Answer.Vector v) {
            StringBuilder b = new StringBuilder();
            for (double x : v.values()) {
                b.append(b.length() == 0 ? "" : ", ").append(Decimals.plain(x));
            }
            return b.toString();
        }
        return ((Answer.Choice) a).letter();
    }
}
