package miexplorer.web.attention;

import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;

/**
 * The attention explorer's form: the vectors as typed, the button pressed and the d_k asked for,
 * read once from the request's fields by the explorer ({@link AttentionExplorer#read}), which also does
 * what the buttons ask ({@link AttentionExplorer#act}). The state checks itself and writes its own URL
 * ({@link AttentionInput}).
 *
 * <p>Fields, each repeated once per row in order: {@code q} (a query vector, "1, 0, 1, 0"),
 * {@code ql} (its label), {@code prior} (its prior weight; optional); {@code k} (a key vector),
 * {@code kl} (its token), {@code v} (its value vector; optional). Then {@code scale} (1 or 0; the
 * last one given counts, so a form can send a hidden 0 before a checkbox's 1), {@code temp} (the
 * temperature) and {@code digits}; and from the form, {@code action} and {@code dk} (the last of each counts).
 *
 * @param errors what is wrong with the settings; its check adds the rest
 * @param action the button pressed, or null
 * @param dk what was typed into the d_k field, or null
 */
public record AttentionForm(AttentionInput input, FieldErrors errors, String action, String dk) {
    /** The state checked ({@link AttentionInput#check}), with this form's messages first. */
    public AttentionInput.Checked check() {
        return input.check(errors);
    }
}
