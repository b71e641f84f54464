package miexplorer.web.cmi;

import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.TableReader;

/**
 * The three-variable explorer's form: the table as typed and the button pressed, read once from the
 * request's fields by the explorer ({@link CmiExplorer#read}; the cells by {@link TableReader}), which
 * also does what the buttons ask ({@link CmiExplorer#act}). The table checks itself and writes its own
 * URL ({@link CmiInput}).
 *
 * <p>Fields: {@code x}, {@code y}, {@code z} (names); {@code xl}, {@code yl}, {@code zl} (labels,
 * repeated); the cells either as one {@code p} per value of Z ({@code p=0.25,0;0,0.25}: rows split
 * by {@code ;}, cells by {@code ,}, as on {@code /mi}) or as repeated {@code c} in the order
 * [z][x][y] (what the form posts); {@code kind}, {@code base}, {@code digits} as on {@code /mi}; and
 * from the form, {@code action}. A URL of the joint-table explorer with {@code z} and {@code zl=…}
 * added is a table of one slice.
 *
 * @param errors what is wrong with the table's shape or settings; its check adds the rest
 * @param action the button pressed, or null
 */
public record CmiForm(CmiInput input, FieldErrors errors, String action) {

    /** The table checked ({@link CmiInput#check}), with this form's messages first. */
    public CmiInput.Checked check() {
        return input.check(errors);
    }
}
