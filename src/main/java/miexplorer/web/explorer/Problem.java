package miexplorer.web.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import miexplorer.web.form.FieldErrors;

/**
 * One entry of an explorer's list of what is wrong with its form, shown where the results would be:
 * what it concerns in words (null when nothing in particular), the id of the field to jump to (null
 * when there is none), and the message shown beside that field.
 */
public record Problem(String what, String fieldId, String message) {

    /** Every message of {@code errors}, in the form's order, each named by {@code naming(field, message)}. */
    public static List<Problem> of(FieldErrors errors, BiFunction<String, String, Problem> naming) {
        List<Problem> out = new ArrayList<>(errors.size());
        errors.asMap().forEach((field, message) -> out.add(naming.apply(field, message)));
        return out;
    }
}
