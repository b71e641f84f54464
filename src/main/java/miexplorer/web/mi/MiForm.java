package miexplorer.web.mi;

import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.TableReader;
import miexplorer.web.joint.JointInput;

/**
 * The joint-table explorer's form: the table as typed and what the request asked of it (a button, a
 * slider), read once from the request's fields by the explorer ({@link MiExplorer#read}; the cells by
 * {@link TableReader}), which also does what the buttons ask ({@link MiExplorer#act}). The table checks
 * itself and writes its own URL ({@link JointInput}).
 *
 * <p>Fields: {@code x}, {@code y} (variable names); {@code xl}, {@code yl} (row and column labels,
 * repeated); the cells either as {@code p=0.36,0.04;0.12,0.48} (rows split by {@code ;}, cells by
 * {@code ,}: the canonical URL's form) or as repeated {@code c} in row-major order (what the HTML form
 * posts); {@code kind} ({@code probabilities}, {@code counts}); {@code base} ({@code 2}, {@code e},
 * {@code 10}); {@code digits}; and from the form, {@code action} with the sliders' {@code dep} and
 * {@code eps}.
 *
 * @param errors what is wrong with the table's shape or settings; its check adds the rest
 * @param action the button pressed or the slider moved, or null
 * @param dependence the dependence slider's value as sent, or null
 * @param crossover the crossover slider's value as sent, or null
 */
public record MiForm(JointInput input, FieldErrors errors, String action, String dependence, String crossover) {

    /** The table checked ({@link JointInput#check}), with this form's messages first. */
    public JointInput.Checked check() {
        return input.check(errors);
    }
}
