package miexplorer.web.practice;

import java.util.ArrayList;
import java.util.List;
import miexplorer.practice.Exercise;
import miexplorer.practice.ExerciseKind;
import miexplorer.practice.Level;
import miexplorer.practice.Worksheet;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.Query;

/**
 * A worksheet to print ({@code /practice/sheet?kinds=…&n=…&level=…&seed=S}), for one student with
 * {@code &student=ID}, with its answer key with {@code &key=1}.
 *
 * @param sheet null when the settings cannot make one (then {@code errors} says why)
 * @param key whether the answers and their steps are shown
 */
public record SheetView(String kindsText, String nText, String levelText, String seedText, String student, boolean key,
        Worksheet sheet, FieldErrors errors) {
    public static final String PATH = PracticeForm.PATH + "/sheet";
    public static final String KEYS_PATH = PATH + "/keys";

    /** The settings of a sheet from a URL's fields; a message for each that cannot be read. */
    public static SheetView read(Fields f) {
        FieldErrors errors = new FieldErrors();
        String kindsText = value(f.first("kinds"), "");
        String nText = value(f.first("n"), "1");
        String levelText = value(f.first("level"), "easy");
        String seedText = value(f.first("seed"), "1");
        String student = value(f.first("student"), "");
        boolean key = "1".equals(f.first("key"));
        List<ExerciseKind> kinds = new ArrayList<>();
        for (String id : kindsText.split(",")) {
            if (id.isBlank()) {
                continue;
            }
            ExerciseKind k = ExerciseKind.fromId(id.strip());
            if (k == null) {
                errors.add("kinds", "“" + PracticeForm.shorten(id.strip()) + "” is not a kind of exercise; the kinds are listed at "
                        + PracticeForm.PATH + ".");
            } else if (!kinds.contains(k)) {
                kinds.add(k);
            }
        }
        if (kinds.isEmpty() && !errors.has("kinds")) {
            errors.add("kinds", "Name at least one kind of exercise, such as kinds=mutual-information,softmax-weights.");
        }
        Level level = Level.fromKey(levelText);
        if (level == null) {
            errors.add("level", "“" + PracticeForm.shorten(levelText) + "” is not a level; choose easy, medium or hard.");
        }
        int n = -1;
        if (nText.matches("\\d{1,3}")) {
            n = Integer.parseInt(nText);
        }
        if (n < 1 || n > Worksheet.MAX_PER_KIND) {
            errors.add("n", "“" + PracticeForm.shorten(nText) + "” is not a number of exercises per kind; give 1 to "
                    + Worksheet.MAX_PER_KIND + ".");
        }
        long seed = -1;
        if (seedText.matches("\\d{1,10}")) {
            seed = Long.parseLong(seedText);
        }
        if (seed < 0 || seed > ExerciseKind.MAX_SEED) {
            errors.add("seed", "“" + PracticeForm.shorten(seedText) + "” is not a seed; a seed is a whole number from 0 to "
                    + ExerciseKind.MAX_SEED + ".");
        }
        Worksheet sheet = null;
        if (errors.isEmpty()) {
            try {
                sheet = new Worksheet(kinds, n, level, seed, student);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage().startsWith("the student") ? "student" : "n", capitalised(e.getMessage()) + ".");
            }
        }
        return new SheetView(kindsText, nText, levelText, seedText, student, key, sheet, errors);
    }

    public boolean ok() {
        return sheet != null;
    }

    /**
     * One exercise of the sheet: its number, its address, and its view, with the whole solution when
     * this is the key.
     */
    public record Item(int number, String url, ExerciseView view) {
        public Exercise exercise() {
            return view.exercise();
        }
    }

    public List<Item> items() {
        List<Item> out = new ArrayList<>();
        for (Worksheet.Item i : sheet.items()) {
            PracticeForm form = new PracticeForm(i.kind(), i.level().key(), i.level(), String.valueOf(i.seed()), i.seed(), null,
                    key ? PracticeForm.MAX_HINTS : 0, miexplorer.web.explorer.Placement.PAGE, new FieldErrors());
            out.add(new Item(i.number(), PracticeForm.exerciseUrl(i.kind(), i.level(), i.seed()), ExerciseView.of(form, null)));
        }
        return out;
    }

    /** The sheet's settings as a query string, with or without the student and the key. */
    public String url(boolean withKey) {
        Query q = new Query().addReadable("kinds", kindsText).add("n", nText).add("level", levelText).add("seed", seedText);
        if (!student.isEmpty()) {
            q.add("student", student);
        }
        if (withKey) {
            q.add("key", 1);
        }
        return q.on(PATH);
    }

    public String title() {
        return (key ? "Answer key" : "Worksheet") + (student.isEmpty() ? "" : " for " + student);
    }

    private static String value(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s.strip();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
