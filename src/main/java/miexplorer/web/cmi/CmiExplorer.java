package miexplorer.web.cmi;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import miexplorer.info.ThreeWayDistribution;
import miexplorer.web.explorer.Explorer;
import miexplorer.web.explorer.ExplorerRoutes;
import miexplorer.web.explorer.Export;
import miexplorer.web.explorer.Placement;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.Fields;
import miexplorer.web.form.TableReader;
import miexplorer.web.joint.Kind;
import miexplorer.web.joint.TableRules;
import miexplorer.web.joint.TableSettings;
import miexplorer.web.render.Format;
import miexplorer.web.site.Paths;
import miexplorer.web.site.Site;

/**
 * The three-variable explorer ({@code /cmi}): P(X, Y, Z) as one X × Y slice per value of Z
 * ({@link CmiForm}), what its buttons do to it, I(X; Y | Z), the chain rule and the co-information worked slice by slice
 * ({@link CmiView}), its presets, {@code /cmi.py} and {@code /api/cmi}.
 */
public final class CmiExplorer extends Explorer<CmiInput, CmiForm, CmiView> {
    /** Its presets; the lesson shows it on the exclusive-or example: useless alone, decisive together. */
    private static final About<CmiInput> ABOUT = new About<>(Paths.CMI, "Three-variable explorer",
            "Three variables: conditional mutual information · MI Explorer",
            "Edit a table of three variables and see I(X; Y | Z), the chain rule and the co-information worked out, slice by slice.",
            "table", CmiPresets.all(), CmiPresets.XOR.input());

    private final Site site;

    public CmiExplorer(Site site) {
        super(ABOUT);
        this.site = site;
    }

    /** A state's cells as numbers, [z][x][y], for a page that quotes what the examples compute (the lesson). */
    public static double[][][] weights(CmiInput input) {
        return input.check(new FieldErrors()).weights();
    }

    /** The table as typed, or the default example when the request has no cells; the button asked for. */
    @Override
    public CmiForm read(Fields fields) {
        FieldErrors errors = new FieldErrors();
        TableSettings settings = TableSettings.read(fields, errors);
        CmiInput input = fields.hasAny("p", "c")
                ? CmiInput.of(TableReader.read(fields, CmiInput.SHAPE, errors), settings) : CmiPresets.DEFAULT.input().with(settings);
        return new CmiForm(input, errors, fields.first("action"));
    }

    @Override
    public CmiForm form(CmiInput input) {
        return new CmiForm(input, new FieldErrors(), null);
    }

    /** The form after its button, which it then no longer asks; the table, wherever the form was posted from. */
    @Override
    public CmiForm act(CmiForm form, Placement from) {
        return new CmiForm(apply(form.action(), form.input(), form.errors()), form.errors(), null);
    }

    @Override
    public CmiView show(CmiForm form, Placement placement) {
        return CmiView.of(form.check(), placement, site);
    }

    @Override
    public List<Export<CmiView>> exports() {
        return List.of(Export.python(CmiExport.PY_PATH, CmiExport::python), Export.notebook(CmiExport.NB_PATH, CmiExport::notebook));
    }

    @Override
    public void addRoutes(RoutesConfig routes, ExplorerRoutes<CmiInput, CmiForm, CmiView> explorer) {
        routes.post(CmiApi.PATH, ctx -> CmiApi.post(ctx, this));
    }

    // ---- actions -------------------------------------------------------------------------------

    public static final String ADD_X = "add-x";
    public static final String ADD_Y = "add-y";
    public static final String ADD_Z = "add-z";
    public static final String REMOVE_X = "remove-x-";
    public static final String REMOVE_Y = "remove-y-";
    public static final String REMOVE_Z = "remove-z-";
    public static final String NORMALISE = "normalise";
    /** Each slice replaced by P(x | z) P(y | z) P(z): X and Y independent given Z, so I(X; Y | Z) = 0. */
    public static final String INDEPENDENT_GIVEN_Z = "independent-given-z";
    public static final String RESET = "reset";

    /** The state after the form's {@code action}; one that cannot be done leaves it as it was, with a message. */
    private static CmiInput apply(String action, CmiInput in, FieldErrors errors) {
        if (action == null || action.isEmpty() || action.equals("update")) {
            return in;
        }
        if (action.equals(RESET)) {
            return CmiPresets.DEFAULT.input();
        }
        if (action.equals(ADD_X) || action.equals(ADD_Y) || action.equals(ADD_Z)) {
            char which = action.charAt(action.length() - 1);
            List<String> labels = new ArrayList<>(which == 'x' ? in.xLabels() : which == 'y' ? in.yLabels() : in.zLabels());
            if (labels.size() >= CmiInput.MAX_VALUES) {
                errors.add("table", nameOf(in, which) + " already has " + CmiInput.MAX_VALUES
                        + " values, the most the explorer takes.");
                return in;
            }
            labels.add(TableReader.unusedLabel(String.valueOf(which), labels));
            List<List<List<String>>> cells = copy(in.cells());
            if (which == 'z') {
                cells.add(zeros(in.sizeX(), in.sizeY()));
                return in.withShape(in.xLabels(), in.yLabels(), labels, cells);
            }
            for (List<List<String>> slice : cells) {
                if (which == 'x') {
                    slice.add(new ArrayList<>(Collections.nCopies(in.sizeY(), "0")));
                } else {
                    slice.forEach(row -> row.add("0"));
                }
            }
            return which == 'x' ? in.withShape(labels, in.yLabels(), in.zLabels(), cells)
                    : in.withShape(in.xLabels(), labels, in.zLabels(), cells);
        }
        for (String prefix : List.of(REMOVE_X, REMOVE_Y, REMOVE_Z)) {
            if (action.startsWith(prefix)) {
                return remove(prefix.charAt(prefix.length() - 2), action.substring(prefix.length()), in, errors);
            }
        }
        if (action.equals(NORMALISE) || action.equals(INDEPENDENT_GIVEN_Z)) {
            double[][][] w = in.values(errors, false);
            if (w == null) {
                return in;
            }
            if (!TableRules.movable(CmiInput.total(w), errors)) {
                return in;
            }
            ThreeWayDistribution d = ThreeWayDistribution.fromWeights(w);
            List<List<List<String>>> cells = new ArrayList<>();
            for (int z = 0; z < in.sizeZ(); z++) {
                List<List<String>> slice = new ArrayList<>();
                for (int i = 0; i < in.sizeX(); i++) {
                    List<String> row = new ArrayList<>();
                    for (int j = 0; j < in.sizeY(); j++) {
                        double p = action.equals(NORMALISE) ? d.p(z, i, j)
                                : d.pz(z) == 0 ? 0 : d.pxz(i, z) * d.pyz(j, z) / d.pz(z);
                        row.add(Format.cell(p));
                    }
                    slice.add(row);
                }
                cells.add(slice);
            }
            return in.withCells(cells, Kind.PROBABILITIES);
        }
        errors.add("action", "“" + action + "” is not something this form can do.");
        return in;
    }

    private static CmiInput remove(char which, String index, CmiInput in, FieldErrors errors) {
        int size = which == 'x' ? in.sizeX() : which == 'y' ? in.sizeY() : in.sizeZ();
        int k;
        try {
            k = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            k = -1;
        }
        if (k < 0 || k >= size || size == 1) {
            errors.add("table", size == 1 ? nameOf(in, which) + " needs at least one value." : "There is no such value to remove.");
            return in;
        }
        List<String> xl = new ArrayList<>(in.xLabels());
        List<String> yl = new ArrayList<>(in.yLabels());
        List<String> zl = new ArrayList<>(in.zLabels());
        List<List<List<String>>> cells = copy(in.cells());
        final int at = k;
        if (which == 'z') {
            zl.remove(at);
            cells.remove(at);
        } else if (which == 'x') {
            xl.remove(at);
            cells.forEach(slice -> slice.remove(at));
        } else {
            yl.remove(at);
            cells.forEach(slice -> slice.forEach(row -> row.remove(at)));
        }
        return in.withShape(xl, yl, zl, cells);
    }

    private static String nameOf(CmiInput in, char which) {
        return which == 'x' ? in.xName() : which == 'y' ? in.yName() : in.zName();
    }

    private static List<List<List<String>>> copy(List<List<List<String>>> cells) {
        List<List<List<String>>> out = new ArrayList<>();
        for (List<List<String>> slice : cells) {
            List<List<String>> s = new ArrayList<>();
            for (List<String> row : slice) {
                s.add(new ArrayList<>(row));
            }
            out.add(s);
        }
        return out;
    }

    private static List<List<String>> zeros(int rows, int cols) {
        List<List<String>> s = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            s.add(new ArrayList<>(Collections.nCopies(cols, "0")));
        }
        return s;
    }
}
