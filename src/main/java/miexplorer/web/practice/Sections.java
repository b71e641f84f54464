package miexplorer.web.practice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import miexplorer.practice.ExerciseKind;

/** The lesson's sections, in the lesson's order, each with its exercises: what /practice lists. */
public final class Sections {
    /** A lesson section: its anchor on the lesson's page, its title, its kinds of exercise. */
    public record Section(String id, String title, List<ExerciseKind> kinds) {
        /** The section in the lesson. */
        public String lessonUrl() {
            return "/#" + id;
        }
    }

    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("what-to-know-first", "What to know first: reading a joint table");
        TITLES.put("core-idea", "The core idea");
        TITLES.put("entropy", "Entropy");
        TITLES.put("conditional-entropy", "Conditional entropy");
        TITLES.put("mutual-information", "Mutual information");
        TITLES.put("worked-example", "The worked example");
        TITLES.put("properties", "Properties");
        TITLES.put("three-variables", "A third variable");
        TITLES.put("from-counts", "From counts to estimates");
        TITLES.put("attention", "Mutual information and attention");
        TITLES.put("attention-live", "Attention, worked");
    }

    private Sections() {
    }

    /** Every section that has exercises, in the lesson's order. */
    public static List<Section> all() {
        List<Section> out = new ArrayList<>();
        for (Map.Entry<String, String> e : TITLES.entrySet()) {
            List<ExerciseKind> kinds = new ArrayList<>();
            for (ExerciseKind k : ExerciseKind.values()) {
                if (k.section().equals(e.getKey())) {
                    kinds.add(k);
                }
            }
            if (!kinds.isEmpty()) {
                out.add(new Section(e.getKey(), e.getValue(), List.copyOf(kinds)));
            }
        }
        return List.copyOf(out);
    }

    /** The title of the section with this anchor, or the anchor itself. */
    public static String title(String id) {
        return TITLES.getOrDefault(id, id);
    }
}
