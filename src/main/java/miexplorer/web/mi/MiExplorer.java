package miexplorer.web.mi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import miexplorer.info.JointDistribution;
import miexplorer.info.TwoByTwo;
import miexplorer.web.explorer.Explorer;
import miexplorer.web.explorer.ExplorerRoutes;
import miexplorer.web.explorer.Export;
import miexplorer.web.explorer.Placement;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.NumberInput;
import miexplorer.web.form.TableReader;
import miexplorer.web.joint.JointInput;
import miexplorer.web.joint.Kind;
import miexplorer.web.joint.TableRules;
import miexplorer.web.joint.TableSettings;
import miexplorer.web.render.Format;
import miexplorer.web.site.Paths;
import miexplorer.web.site.Site;

/**
 * The joint-table explorer ({@code /mi}): a table P(X, Y) as typed ({@link MiForm}), what its buttons
 * and sliders do to it, its analysis ({@link MiView}, with the joint table's own view), its presets,
 * {@code /mi.py} and {@code /mi.csv}, and beside them the channel preset's address {@code /mi/bsc}
 * and {@code /api/mi}.
 */
public final class MiExplorer extends Explorer<JointInput, MiForm, MiView> {
    public static final String BSC_PATH = Paths.MI + "/bsc";
    public static final String API_PATH = "/api/mi";
    /** Its presets; the lesson shows it on the tutorial's weather table, which its text works through. */
    private static final About<JointInput> ABOUT = new About<>(Paths.MI, "Joint-table explorer",
            "Mutual information explorer · MI Explorer",
            "Edit a joint probability table and see every entropy and the mutual information worked out step by step.", "table",
            MiPresets.all(), JointInput.weather());

    private final Site site;

    public MiExplorer(Site site) {
        super(ABOUT);
        this.site = site;
    }

    /** The table as typed, or the weather table when the request has none; the button or slider asked for. */
    @Override
    public MiForm read(Fields fields) {
        FieldErrors errors = new FieldErrors();
        TableSettings settings = TableSettings.read(fields, errors);
        JointInput input = fields.hasAny("x", "y", "xl", "yl", "p", "c")
                ? JointInput.of(TableReader.read(fields, JointInput.SHAPE, errors), settings) : JointInput.weather().with(settings);
        return new MiForm(input, errors, fields.first("action"), fields.first(DEPENDENCE_PARAM), fields.first(CROSSOVER_PARAM));
    }

    @Override
    public MiForm form(JointInput input) {
        return new MiForm(input, new FieldErrors(), null, null, null);
    }

    /** The form after its button or slider, which it then no longer asks; the table, wherever the form was posted from. */
    @Override
    public MiForm act(MiForm form, Placement from) {
        return new MiForm(apply(form), form.errors(), null, null, null);
    }

    @Override
    public MiView show(MiForm form, Placement placement) {
        return MiView.of(form.check(), placement, site);
    }

    @Override
    public List<Export<MiView>> exports() {
        return List.of(Export.python(MiExport.PY_PATH, MiExport::python),
                Export.notebook(MiExport.NB_PATH, MiExport::notebook), Export.csv(MiExport.CSV_PATH, MiExport::csv));
    }

    @Override
    public void addRoutes(RoutesConfig routes, ExplorerRoutes<JointInput, MiForm, MiView> explorer) {
        routes.get(BSC_PATH, ctx -> binarySymmetricChannel(ctx, explorer));
        routes.post(API_PATH, ctx -> MiApi.post(ctx, this));
    }

    /**
     * GET /mi/bsc?e=0.1: the binary symmetric channel preset with crossover probability e; for an e that
     * is not a probability, the weather table's page with the message beside the channel's field.
     */
    private void binarySymmetricChannel(Context ctx, ExplorerRoutes<JointInput, MiForm, MiView> explorer) {
        String text = ctx.queryParam("e");
        text = text == null ? "" : text.strip();
        NumberInput.Parsed e = NumberInput.parse(text);
        String error = !e.ok() ? e.error()
                : e.value() < 0 || e.value() > 1 ? text + " is not a probability: ε must be between 0 and 1." : null;
        if (error == null) {
            ctx.redirect(MiPresets.binarySymmetricChannel(e.value()).url(), HttpStatus.SEE_OTHER);
            return;
        }
        explorer.page(ctx, MiView.of(JointInput.weather().check(new FieldErrors()), text, error, Placement.PAGE, site), 400);
    }

    // ---- actions -------------------------------------------------------------------------------

    /** The buttons of the form. {@code update} (or none) just recomputes. */
    public static final String ADD_ROW = "add-row";
    public static final String ADD_COL = "add-col";
    public static final String REMOVE_ROW = "remove-row-";
    public static final String REMOVE_COL = "remove-col-";
    public static final String TRANSPOSE = "transpose";
    public static final String PRODUCT = "product";
    public static final String NORMALISE = "normalise";
    public static final String RESET = "reset";
    /** Sets a 2 × 2 table's dependence to the field {@link #DEPENDENCE_PARAM}, keeping its marginals (see TwoByTwo). */
    public static final String DEPENDENCE = "dependence";
    public static final String DEPENDENCE_PARAM = "dep";
    /** Sets a binary symmetric channel's crossover probability to the field {@link #CROSSOVER_PARAM}. */
    public static final String CROSSOVER = "crossover";
    public static final String CROSSOVER_PARAM = "eps";

    /**
     * The table after the form's {@code action} (the button pressed, or the slider moved). When the
     * action cannot be done (a full table, an unreadable cell for "normalise"), the table is returned
     * unchanged with a message.
     */
    private static JointInput apply(MiForm form) {
        JointInput in = form.input();
        String action = form.action();
        FieldErrors errors = form.errors();
        if (action == null || action.isEmpty() || action.equals("update")) {
            return in;
        }
        if (action.equals(RESET)) {
            return JointInput.weather();
        }
        if (action.equals(TRANSPOSE)) {
            return in.transposed();
        }
        if (action.equals(ADD_ROW)) {
            if (in.rows() >= JointInput.MAX_ROWS) {
                errors.add("table", "The table already has " + JointInput.MAX_ROWS + " rows, the most the explorer takes.");
                return in;
            }
            List<String> xl = new ArrayList<>(in.xLabels());
            xl.add(TableReader.unusedLabel("x", xl));
            List<List<String>> cells = new ArrayList<>(in.cells());
            cells.add(new ArrayList<>(Collections.nCopies(in.cols(), "0")));
            return in.withShape(xl, in.yLabels(), cells);
        }
        if (action.equals(ADD_COL)) {
            if (in.cols() >= JointInput.MAX_COLS) {
                errors.add("table", "The table already has " + JointInput.MAX_COLS + " columns, the most the explorer takes.");
                return in;
            }
            List<String> yl = new ArrayList<>(in.yLabels());
            yl.add(TableReader.unusedLabel("y", yl));
            List<List<String>> cells = new ArrayList<>();
            for (List<String> row : in.cells()) {
                List<String> r = new ArrayList<>(row);
                r.add("0");
                cells.add(r);
            }
            return in.withShape(in.xLabels(), yl, cells);
        }
        if (action.startsWith(REMOVE_ROW)) {
            int i = TableReader.index(action.substring(REMOVE_ROW.length()), in.rows());
            if (i < 0 || in.rows() == 1) {
                errors.add("table", in.rows() == 1 ? "The table needs at least one row." : "There is no such row to remove.");
                return in;
            }
            List<String> xl = new ArrayList<>(in.xLabels());
            xl.remove(i);
            List<List<String>> cells = new ArrayList<>(in.cells());
            cells.remove(i);
            return in.withShape(xl, in.yLabels(), cells);
        }
        if (action.startsWith(REMOVE_COL)) {
            int j = TableReader.index(action.substring(REMOVE_COL.length()), in.cols());
            if (j < 0 || in.cols() == 1) {
                errors.add("table", in.cols() == 1 ? "The table needs at least one column." : "There is no such column to remove.");
                return in;
            }
            List<String> yl = new ArrayList<>(in.yLabels());
            yl.remove(j);
            List<List<String>> cells = new ArrayList<>();
            for (List<String> row : in.cells()) {
                List<String> r = new ArrayList<>(row);
                r.remove(j);
                cells.add(r);
            }
            return in.withShape(in.xLabels(), yl, cells);
        }
        if (action.equals(DEPENDENCE) || action.equals(CROSSOVER)) {
            return slid(action.equals(DEPENDENCE), action.equals(DEPENDENCE) ? form.dependence() : form.crossover(), in, errors);
        }
        if (action.equals(NORMALISE) || action.equals(PRODUCT)) {
            double[][] w = in.values(errors, false);
            if (w == null || !TableRules.movable(TableRules.total(w), errors)) {
                return in;
            }
            JointDistribution d = JointDistribution.fromWeights(w);
            if (action.equals(PRODUCT)) {
                d = d.productOfMarginals();
            } else {
                String[][] exact = fractions(in, w);
                if (exact != null) {
                    return in.withCells(toLists(exact), Kind.PROBABILITIES);
                }
            }
            String[][] text = new String[d.rows()][d.cols()];
            for (int i = 0; i < d.rows(); i++) {
                for (int j = 0; j < d.cols(); j++) {
                    text[i][j] = Format.cell(d.p(i, j));
                }
            }
            return in.withCells(toLists(text), Kind.PROBABILITIES);
        }
        errors.add("action", "“" + action + "” is not something this form can do.");
        return in;
    }

    /**
     * A slider's table: the dependence s in [−1, 1] of a 2 × 2 table with its marginals kept, or the
     * crossover probability ε in [0, 1] of a binary symmetric channel. Written back as probabilities.
     */
    private static JointInput slid(boolean isDependence, String text, JointInput in, FieldErrors errors) {
        String field = isDependence ? DEPENDENCE_PARAM : CROSSOVER_PARAM;
        NumberInput.Parsed v = NumberInput.parse(text);
        double lo = isDependence ? -1 : 0;
        if (!v.ok() || v.value() < lo || v.value() > 1) {
            errors.add(field, (isDependence ? "The dependence" : "The crossover probability ε") + " must be a number from "
                    + (isDependence ? "−1" : "0") + " to 1" + (v.ok() ? "; it was " + text.strip() + "." : "."));
            return in;
        }
        if (in.rows() != 2 || in.cols() != 2) {
            errors.add("table", "The " + (isDependence ? "dependence" : "crossover") + " slider works on a 2 × 2 table; this one is "
                    + in.rows() + " × " + in.cols() + ".");
            return in;
        }
        double[][] w = in.values(errors, false);
        if (w == null || !TableRules.movable(TableRules.total(w), errors)) {
            return in;
        }
        JointDistribution d = JointDistribution.fromWeights(w);
        if (!isDependence && !TwoByTwo.isSymmetricChannel(d)) {
            errors.add("table", "The crossover slider works on a binary symmetric channel, a 2 × 2 table whose rows and"
                    + " columns each add up to ½; use the dependence slider for this one.");
            return in;
        }
        double[][] p = isDependence ? TwoByTwo.withDependence(d, v.value()) : TwoByTwo.symmetricChannel(v.value());
        String[][] cells = new String[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                cells[i][j] = Format.cell(p[i][j]);
            }
        }
        return in.withCells(toLists(cells), Kind.PROBABILITIES);
    }

    /** n/N in lowest terms for every cell, when every cell is a whole number (counts); else null. */
    private static String[][] fractions(JointInput in, double[][] w) {
        long total = 0;
        for (double[] row : w) {
            for (double v : row) {
                if (v != Math.rint(v) || v > 1e12) {
                    return null;
                }
                total += (long) v;
            }
        }
        String[][] out = new String[w.length][];
        for (int i = 0; i < w.length; i++) {
            out[i] = new String[w[i].length];
            for (int j = 0; j < w[i].length; j++) {
                long n = (long) w[i][j];
                long g = BigInteger.valueOf(n).gcd(BigInteger.valueOf(total)).longValue();
                out[i][j] = n == 0 ? "0" : n == total ? "1" : (n / g) + "/" + (total / g);
            }
        }
        return out;
    }

    private static List<List<String>> toLists(String[][] cells) {
        List<List<String>> out = new ArrayList<>();
        for (String[] row : cells) {
            out.add(List.of(row));
        }
        return out;
    }
}
