package miexplorer.web.practice;

import java.util.List;
import miexplorer.practice.Answer;
import miexplorer.practice.AnswerFormatException;
import miexplorer.practice.Exercise;
import miexplorer.practice.ExerciseData;
import miexplorer.practice.Level;
import miexplorer.practice.Route;
import miexplorer.practice.Verdict;
import miexplorer.web.explorer.Placement;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.render.Format;

/**
 * One exercise as its page shows it: the question and its numbers, the answer typed and what it is
 * judged to be, the hints shown so far (the explorers' own worked steps, one at a time), and, once
 * asked for, the whole solution with the explorer's link.
 *
 * @param exercise null when the form could not name one (a bad level or seed)
 * @param verdict null when nothing was answered, or the answer could not be read
 * @param errors a message beside each field: {@code answer}, {@code level}, {@code seed}
 */
public record ExerciseView(PracticeForm form, Exercise exercise, Verdict verdict, FieldErrors errors, Steps steps,
        String explorerUrl) {

    /** The form's exercise, judged and with its hints, or the form back with its messages. */
    static ExerciseView of(PracticeForm form, ExplorerLinks links) {
        return of(form, links, false);
    }

    /** @param checkAsked whether a check was asked for: then an empty answer gets a message */
    static ExerciseView of(PracticeForm form, ExplorerLinks links, boolean checkAsked) {
        FieldErrors errors = form.errors();
        if (!form.ok()) {
            return new ExerciseView(form, null, null, errors, null, null);
        }
        Exercise e = form.kind().generate(form.seed(), form.level());
        Verdict verdict = null;
        if (form.answered()) {
            try {
                verdict = e.check(form.answer());
            } catch (AnswerFormatException bad) {
                errors.add("answer", bad.getMessage());
            }
        } else if (checkAsked) {
            errors.add("answer", "There is no answer to check: type one first.");
        }
        return new ExerciseView(form, e, verdict, errors, Steps.of(e), explorerUrl(e.data(), links));
    }

    private static String explorerUrl(ExerciseData d, ExplorerLinks links) {
        if (links == null) {
            return null; // a printed sheet links to no explorer
        }
        if (d instanceof ExerciseData.Table t) {
            return links.table(t);
        }
        if (d instanceof ExerciseData.TableCell c) {
            return links.table(c.table());
        }
        if (d instanceof ExerciseData.TablePair p) {
            return links.table(p.first());
        }
        if (d instanceof ExerciseData.ThreeWayTable t) {
            return links.threeWay(t);
        }
        return links.attention((ExerciseData.AttentionRow) d);
    }

    public boolean ok() {
        return exercise != null;
    }

    /** The status of the page: 200, or 400 for a form that names no exercise or an answer that cannot be read. */
    public int status() {
        return errors.isEmpty() ? 200 : 400;
    }

    public Placement placement() {
        return form.placement();
    }

    public String title() {
        return form.kind().title();
    }

    public String levelName() {
        return form.level().key();
    }

    // ---- the hints ---------------------------------------------------------------------------------

    /** How many steps are shown: 0 to the steps' count. */
    public int stepsShown() {
        return Math.min(form.hints(), steps.count());
    }

    /** Whether the whole solution is shown: asked for past the last step. */
    public boolean solutionShown() {
        return form.hints() > steps.count();
    }

    /** The URL that shows one more step (or the solution after the last). */
    public String nextHintUrl() {
        return form.withHints(form.hints() + 1).url();
    }

    public String solutionUrl() {
        return form.withHints(steps.count() + 1).url();
    }

    /** The step number a mistaken answer's route leaves the right one at, 0 when none can be shown apart. */
    public int mistakeStep() {
        return verdict == null || verdict.mistake() == null ? 0 : steps.stepOf(verdict.step());
    }

    /** The URL that shows the steps up to where a mistake's route parts from the right one. */
    public String mistakeStepUrl() {
        return form.withHints(Math.max(form.hints(), mistakeStep())).url();
    }

    /** "Another one like this": the same kind and level, the next seed. */
    public String anotherUrl() {
        PracticeForm next = form.withSeed(PracticeForm.nextSeed(form.seed()));
        return next.url();
    }

    /** The same exercise at other levels. */
    public List<Level> levels() {
        return form.kind().levels();
    }

    public String levelUrl(Level level) {
        return form.placement().address(PracticeForm.exerciseUrl(form.kind(), level, form.seed()));
    }

    // ---- the answer ------------------------------------------------------------------------------

    /** The exact answer, as the solution states it: numbers to one decimal more than asked, with the unit. */
    public String exactAnswer() {
        return answer(exercise.expected());
    }

    public String answer(Answer a) {
        int shown = exercise.digits() == 0 ? 0 : exercise.digits() + 1;
        String unit = exercise.unit().isEmpty() ? "" : " " + exercise.unit();
        if (a instanceof Answer.Scalar s) {
            return number(s.value(), shown) + unit;
        }
        if (a instanceof Answer.Vector v) {
            StringBuilder b = new StringBuilder();
            for (double x : v.values()) {
                b.append(b.length() == 0 ? "" : ", ").append(number(x, shown));
            }
            return b + unit;
        }
        return "table " + ((Answer.Choice) a).letter();
    }

    /** The answer to the decimals asked, as a key gives it: 0.378, or 0.506, 0.186, 0.307, or A. */
    public String roundedAnswer() {
        Answer a = exercise.expected();
        int d = exercise.digits();
        if (a instanceof Answer.Scalar s) {
            return number(s.value(), d);
        }
        if (a instanceof Answer.Vector v) {
            StringBuilder b = new StringBuilder();
            for (double x : v.values()) {
                b.append(b.length() == 0 ? "" : ", ").append(number(x, d));
            }
            return b.toString();
        }
        return ((Answer.Choice) a).letter();
    }

    private static String number(double v, int digits) {
        return digits == 0 ? Format.cell(Math.rint(v)) : Format.fixed(v, digits);
    }

    /** The lesson's routes to the answer, each with what it gives when every number written down is rounded. */
    public List<Route> routes() {
        return exercise.routes();
    }

    /** The announcement for screen readers: the verdict, or what was asked. */
    public String announcement() {
        if (errors.has("answer")) {
            return "The answer could not be read: " + errors.get("answer");
        }
        if (verdict != null) {
            return verdict.message();
        }
        if (solutionShown()) {
            return "The solution is shown: " + exactAnswer() + ".";
        }
        if (stepsShown() > 0) {
            return "Hint: step " + stepsShown() + " of " + steps.count() + " is shown.";
        }
        return exercise == null ? "This exercise could not be made: " + errors.first() : title() + ".";
    }

    /** A vector as the question writes it: (1, −1, 0.5). */
    public static String vector(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(b.length() == 0 ? "" : ", ").append(Format.cell(x).replace("-", Format.MINUS));
        }
        return b.toString();
    }

    /** What the answer field expects, for its help text. */
    public String answerHelp() {
        return switch (exercise.asked()) {
            case "weights" -> "The weights in order, separated by commas.";
            case "choice" -> "A or B.";
            default -> "A number, a fraction (9/25), a percentage (36%) or a sum as you would write it (0.4*0.811 + 0.6*0.391,"
                    + " -(0.75*log2(0.75) + 0.25*log2(0.25)), ln(2)).";
        };
    }
}
