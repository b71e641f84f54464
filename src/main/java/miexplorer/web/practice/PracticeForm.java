package miexplorer.web.practice;

import miexplorer.practice.ExerciseKind;
import miexplorer.practice.Level;
import miexplorer.web.explorer.Placement;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.Query;

/**
 * One exercise's page as asked for: which exercise (kind, level, seed), what was answered, how many
 * hints are shown, where it is shown. Read once from a URL's or a posted form's fields.
 *
 * @param seed null when the request names none (the page then picks one and redirects to it)
 * @param answer the answer as typed, or null when none was given
 * @param hints how many worked steps are shown: 0 none; past the last step, the whole solution
 * @param errors a message for each field that could not be read: {@code level}, {@code seed}
 */
public record PracticeForm(ExerciseKind kind, String levelText, Level level, String seedText, Long seed, String answer,
        int hints, Placement placement, FieldErrors errors) {
    public static final String PATH = "/practice";
    /** More hints than any exercise has steps: the whole solution. */
    public static final int MAX_HINTS = 20;
    /** The longest answer read: a long expression fits in far less. */
    public static final int MAX_ANSWER = 500;

    public static PracticeForm read(ExerciseKind kind, Fields fields) {
        FieldErrors errors = new FieldErrors();
        String levelText = value(fields.first("level"), "easy");
        Level level = Level.fromKey(levelText);
        if (level == null || !kind.levels().contains(level)) {
            errors.add("level", "“" + shorten(levelText) + "” is not a level; choose easy, medium or hard.");
            level = Level.EASY;
        }
        String seedText = fields.first("seed");
        Long seed = null;
        if (seedText != null) {
            seedText = seedText.strip();
            try {
                seed = Long.parseLong(seedText);
                if (seed < 0 || seed > ExerciseKind.MAX_SEED) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.add("seed", "“" + shorten(seedText) + "” is not a seed; a seed is a whole number from 0 to "
                        + ExerciseKind.MAX_SEED + ".");
                seed = null;
            }
        }
        String answer = fields.last("answer");
        if (answer != null && answer.length() > MAX_ANSWER) {
            answer = answer.substring(0, MAX_ANSWER);
        }
        int hints = 0;
        String hintsText = fields.last("hints");
        if (hintsText != null && hintsText.strip().matches("\\d{1,2}")) {
            hints = Math.min(MAX_HINTS, Integer.parseInt(hintsText.strip()));
        }
        return new PracticeForm(kind, levelText, level, seedText, seed, answer, hints, Placement.pageOrEmbedded(fields), errors);
    }

    public boolean ok() {
        return errors.isEmpty() && seed != null;
    }

    public boolean answered() {
        return answer != null && !answer.isBlank();
    }

    public PracticeForm withHints(int n) {
        return new PracticeForm(kind, levelText, level, seedText, seed, answer, Math.max(0, Math.min(MAX_HINTS, n)), placement, errors);
    }

    public PracticeForm withSeed(long s) {
        return new PracticeForm(kind, level.key(), level, String.valueOf(s), s, null, 0, placement, errors);
    }

    /** The exercise's own address: kind, level and seed. */
    public static String exerciseUrl(ExerciseKind kind, Level level, long seed) {
        return new Query().add("level", level.key()).add("seed", seed).on(PATH + "/" + kind.id());
    }

    /** This state's address: the exercise, the answer typed, the hints shown, and embed=1 when embedded. */
    public String url() {
        Query q = new Query().add("level", level.key()).add("seed", seed);
        if (answered()) {
            q.addReadable("answer", answer);
        }
        if (hints > 0) {
            q.add("hints", hints);
        }
        return placement.address(q.on(PATH + "/" + kind.id()));
    }

    /** The next seed of "another one like this": fixed, so that the link is too (a step of a full-period LCG mod 2³¹). */
    public static long nextSeed(long seed) {
        return (seed * 1103515245L + 12345L) & ExerciseKind.MAX_SEED;
    }

    private static String value(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s.strip();
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
